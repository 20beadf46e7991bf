import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { lines, number, text, values } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { MEMBER_CITIES, SearchPicker } from '../components/SearchPicker'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { TextLanguageSelect, useTextLanguage } from './textLanguage'
import { TargetGroupChoices, TopicChoices } from './formParts'
import { useSubmit } from '../components/useSubmit'

type CaseStudy = Schemas['CaseStudy']
type CaseStudyInput = Schemas['CaseStudyInput']

/** The fiche's texts in the order of the seed fiche; each is stored per language. */
export const LONG_TEXTS = [
  'purpose',
  'leadOrganisationBackground',
  'background',
  'description',
  'objectives',
  'geographicalFocus',
  'partnerships',
  'otherTiersOfGovernment',
  'fundingMix',
  'targetGroups',
  'successes',
  'problems',
  'lessonsLearned',
] as const
export const MILIEU_PARTS = ['economic', 'geographical', 'politicalGovernance', 'cultural', 'other'] as const

/**
 * A focal point's (or the secretariat's) form for a fiche. The texts are written in one language
 * at a time; the other languages stored on the fiche are sent back unchanged, so editing the
 * French text never erases the English one.
 */
export function CaseStudyForm(props: {
  fiche?: CaseStudy
  etag?: string
  /** The cities the fiche may be drafted for (a focal point's own); empty means any city, found by name (secretariat). */
  cities: Schemas['MemberSummary'][]
  onSaved: (fiche: CaseStudy) => void
  onCancel: () => void
  onReload?: () => void
}) {
  const { t } = useTranslation()
  const ui = currentLanguage()
  const { fiche } = props
  const texts = useTextLanguage(fiche?.translations, fiche?.originalLanguage, 'name')
  const { language, stored, merged } = texts
  const [questionCount, setQuestionCount] = useState(Math.max(1, fiche?.themeQuestions.length ?? 0))
  const [pickedCity, setPickedCity] = useState<number | null>(null)
  const { saving, error, submit: save } = useSubmit(props.onSaved)
  const categories = useLoad(
    (signal) => api.GET('/api/case-study-categories', { params: { query: { lang: ui } }, signal }).then(unwrap).then((list) => list.items),
    [ui],
  )
  const categoryItems = categories.status === 'loaded' ? categories.data : []

  function read(form: FormData): CaseStudyInput {
    const kinds = lines(form, 'partnershipKinds')
    const questions: Schemas['ThemeQuestionInput'][] = []
    for (let i = 0; i < questionCount; i++) {
      const question = merged(`themeQuestions[${i}].question`, text(form, `themeQuestions.${i}.question`))
      const answer = merged(`themeQuestions[${i}].answer`, text(form, `themeQuestions.${i}.answer`))
      if (Object.keys(question).length > 0 || Object.keys(answer).length > 0) questions.push({ question, answer })
    }
    const contact = {
      name: text(form, 'contact.name'),
      phone: text(form, 'contact.phone'),
      fax: text(form, 'contact.fax'),
      email: text(form, 'contact.email'),
    }
    const input: CaseStudyInput = {
      memberId: fiche ? fiche.memberId : number(form, 'memberId'),
      organisationId: fiche?.organisationId ?? null,
      originalLanguage: fiche?.originalLanguage ?? language,
      theme: merged('theme', text(form, 'theme')),
      name: merged('name', text(form, 'name')),
      leadOrganisation: text(form, 'leadOrganisation'),
      address: text(form, 'address'),
      contact: Object.values(contact).some(Boolean) ? contact : null,
      categoryIds: values(form, 'categoryIds').map(Number),
      milieu: Object.fromEntries(MILIEU_PARTS.map((part) => [part, merged(`milieu.${part}`, text(form, `milieu.${part}`))])),
      partnershipKinds: kinds.map((kind, i) => merged(`partnershipKinds[${i}]`, kind)),
      targetGroupCodes: values(form, 'targetGroupCodes') as Schemas['TargetGroup'][],
      themeQuestions: questions,
      topics: values(form, 'topics').map(Number),
      clusterIds: fiche?.clusterIds ?? [],
    }
    for (const key of LONG_TEXTS) input[key] = merged(key, text(form, key))
    return input
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = read(new FormData(event.currentTarget))
    void save(() =>
      fiche
        ? api
            .PUT('/api/case-studies/{caseStudyId}', {
              params: { path: { caseStudyId: fiche.id }, header: { 'If-Match': props.etag ?? `"${fiche.version}"` }, query: { lang: ui } },
              body,
            })
            .then(unwrap)
        : api.POST('/api/case-studies', { params: { query: { lang: ui } }, body }).then(unwrap),
    )
  }

  const textInput = (name: string, label: string, required = false) => (
    <Field name={name} label={label} required={required}>
      {(control) => <input {...control} defaultValue={stored(name)} data-testid={`input-${name}`} />}
    </Field>
  )
  const textArea = (name: string, label: string, key = name) => (
    <Field name={name} label={label}>
      {(control) => <textarea {...control} rows={4} defaultValue={stored(key)} data-testid={`input-${name}`} />}
    </Field>
  )

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="case-study-form">
      <h2>{fiche ? t('library.caseStudyForm.editTitle') : t('library.caseStudyForm.newTitle')}</h2>
      <FieldErrors error={error}>
        <div className="field-row">
          {!fiche && (
            <Field name="memberId" label={t('library.caseStudy.city')} required>
              {(control) =>
                props.cities.length > 0 ? (
                  <select {...control} data-testid="input-memberId">
                    {props.cities.map((city) => (
                      <option key={city.id} value={city.id}>
                        {city.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  <SearchPicker control={control} source={MEMBER_CITIES} value={pickedCity} onChange={(city) => setPickedCity(city?.id ?? null)} testId="fiche-city" />
                )
              }
            </Field>
          )}
          <TextLanguageSelect texts={texts} isNew={!fiche} />
        </div>
        {/* Keyed by language: switching shows that language's stored texts. */}
        <div key={language} lang={language}>
          {textInput('name', t('library.caseStudy.field.name'), true)}
          {textInput('theme', t('library.caseStudy.field.theme'))}
          {textArea('purpose', t('library.caseStudy.field.purpose'))}
          <Field name="leadOrganisation" label={t('library.caseStudy.field.leadOrganisation')}>
            {(control) => <input {...control} defaultValue={fiche?.leadOrganisation ?? ''} data-testid="input-leadOrganisation" />}
          </Field>
          {LONG_TEXTS.filter((key) => key !== 'purpose').map((key) => (
            <div key={key}>{textArea(key, t(`library.caseStudy.field.${key}`))}</div>
          ))}
          <fieldset>
            <legend>{t('library.caseStudy.field.milieu')}</legend>
            {MILIEU_PARTS.map((part) => (
              <div key={part}>{textArea(`milieu.${part}`, t(`library.caseStudy.milieu.${part}`))}</div>
            ))}
          </fieldset>
          <Field name="partnershipKinds" label={t('library.caseStudy.field.partnershipKinds')} hint={t('library.caseStudyForm.onePerLine')}>
            {(control) => (
              <textarea
                {...control}
                rows={3}
                defaultValue={(fiche?.partnershipKinds ?? []).map((_, i) => stored(`partnershipKinds[${i}]`)).filter(Boolean).join('\n')}
                data-testid="input-partnershipKinds"
              />
            )}
          </Field>
          <fieldset>
            <legend>{t('library.caseStudy.field.themeQuestions')}</legend>
            {Array.from({ length: questionCount }, (_, i) => (
              <div key={i} className="field-row">
                <Field name={`themeQuestions.${i}.question`} label={t('library.caseStudyForm.question', { number: i + 1 })}>
                  {(control) => <input {...control} defaultValue={stored(`themeQuestions[${i}].question`)} />}
                </Field>
                <Field name={`themeQuestions.${i}.answer`} label={t('library.caseStudyForm.answer', { number: i + 1 })}>
                  {(control) => <textarea {...control} rows={3} defaultValue={stored(`themeQuestions[${i}].answer`)} />}
                </Field>
              </div>
            ))}
            <button type="button" onClick={() => setQuestionCount((n) => n + 1)} data-testid="add-question">
              {t('library.caseStudyForm.addQuestion')}
            </button>
          </fieldset>
        </div>
        <fieldset>
          <legend>{t('library.caseStudy.contactTitle')}</legend>
          <p className="hint">{t('library.caseStudyForm.contactHint')}</p>
          <Field name="address" label={t('library.caseStudy.field.address')}>
            {(control) => <input {...control} defaultValue={fiche?.address ?? ''} />}
          </Field>
          <div className="field-row">
            {(['name', 'phone', 'fax', 'email'] as const).map((part) => (
              <Field key={part} name={`contact.${part}`} label={t(`library.caseStudy.contact.${part}`)}>
                {(control) => <input {...control} type={part === 'email' ? 'email' : 'text'} defaultValue={fiche?.contact?.[part] ?? ''} />}
              </Field>
            ))}
          </div>
        </fieldset>
        <Field name="categoryIds" label={t('library.caseStudy.field.categories')} group>
          {() => (
            <div className="checkbox-list">
              {/* Until the categories arrive, the fiche's own travel unchanged (not erased). */}
              {categoryItems.length === 0 &&
                (fiche?.categories ?? []).map((category) => <input key={category.id} type="hidden" name="categoryIds" value={category.id} />)}
              {categoryItems.map((category) => (
                <label key={category.id}>
                  <input
                    type="checkbox"
                    name="categoryIds"
                    value={category.id}
                    defaultChecked={fiche?.categories.some((c) => c.id === category.id)}
                  />{' '}
                  {category.code}: {category.name}
                </label>
              ))}
            </div>
          )}
        </Field>
        <TargetGroupChoices name="targetGroupCodes" chosen={fiche?.targetGroupCodes ?? []} />
        <TopicChoices chosen={fiche?.topics ?? []} />
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="case-study-save" onCancel={props.onCancel} />
    </form>
  )
}
