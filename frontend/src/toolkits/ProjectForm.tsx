import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Field, FieldErrors } from '../components/Field'
import { FormActions } from '../components/FormActions'
import { requiredText, text } from '../components/formData'
import { SaveProblem } from '../components/SaveProblem'
import { MEMBER_CITIES, ORGANISATIONS, SearchPicker, type PickerOption } from '../components/SearchPicker'
import { itemsOf, useCountries } from '../components/useReference'
import { formatMoney, sumAndRest } from '../fund/money'
import { currentLanguage } from '../i18n'
import { moved, ResourcePicker, row, RowButtons, TopicChoices, useResourceChoices, type PickedResource, type Row } from './formParts'
import { TextLanguageSelect, trimmedTexts, useTextLanguage, withText } from './textLanguage'
import { useSubmit } from '../components/useSubmit'

type Project = Schemas['Project']
type ProjectInput = Schemas['ProjectInput']
type Translations = Schemas['Translations']
type Partner = { name: string; role: Schemas['PartnerRole']; country: string; memberId: number | null; organisationId: number | null }
type Strand = { name: Translations; description: Translations }

const PARTNER_ROLES: Schemas['PartnerRole'][] = ['LEAD_PARTNER', 'PARTNER', 'ASSOCIATED_PARTNER']

/** A currency code Intl can format with, else none (the amount is then shown as a plain number). */
function formattable(currency: string): string | null {
  return /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : null
}

/**
 * The secretariat's form for a project: every field of the contract. Texts are written one
 * language at a time (the others stay); co-financing is summed live, exactly, as the API will.
 */
export function ProjectForm(props: { project?: Project; etag?: string; onSaved: (project: Project) => void; onCancel: () => void; onReload?: () => void }) {
  const { t } = useTranslation()
  const ui = currentLanguage()
  const { project } = props
  const texts = useTextLanguage(project?.translations, project?.originalLanguage)
  const { language, stored, merged } = texts
  const translations = project?.translations ?? {}
  const countries = itemsOf(useCountries(ui))
  const resourceChoices = useResourceChoices()
  const { saving, error, submit: save } = useSubmit(props.onSaved)

  const [currency, setCurrency] = useState(project?.currency ?? '')
  const [totalBudget, setTotalBudget] = useState(project?.totalBudget ?? '')
  const [coFinancing, setCoFinancing] = useState<Row<Schemas['CoFinancingLine']>[]>(() => (project?.coFinancing ?? []).map((line) => row({ ...line })))
  const [partners, setPartners] = useState<Row<Partner>[]>(() =>
    (project?.partners ?? []).map((partner) =>
      row({
        name: partner.name,
        role: partner.role,
        country: partner.country ?? '',
        memberId: partner.memberId ?? null,
        organisationId: partner.organisationId ?? null,
      }),
    ),
  )
  const [objectives, setObjectives] = useState<Row<Translations>[]>(() => (project?.objectives ?? []).map((_, i) => row(translations[`objectives[${i}]`] ?? {})))
  const [strands, setStrands] = useState<Row<Strand>[]>(() =>
    (project?.activityStrands ?? []).map((_, i) =>
      row({ name: translations[`activityStrands[${i}].name`] ?? {}, description: translations[`activityStrands[${i}].description`] ?? {} }),
    ),
  )
  const [outputs, setOutputs] = useState<PickedResource[]>(() => (project?.outputs ?? []).map((output) => ({ id: output.id, title: output.title })))

  const live = sumAndRest(
    coFinancing.map((line) => line.value.amount),
    totalBudget,
  )
  const money = (amount: string | null) => (amount === null ? '—' : formatMoney(amount, formattable(currency), ui))

  function read(form: FormData): ProjectInput {
    const contact = { name: text(form, 'contact.name'), email: text(form, 'contact.email'), phone: text(form, 'contact.phone') }
    return {
      externalId: project?.externalId ?? null,
      acronym: requiredText(form, 'acronym'),
      originalLanguage: project?.originalLanguage ?? language,
      title: merged('title', text(form, 'title')),
      summary: merged('summary', text(form, 'summary')),
      programme: requiredText(form, 'programme'),
      priority: merged('priority', text(form, 'priority')),
      startDate: text(form, 'startDate'),
      endDate: text(form, 'endDate'),
      currency: currency.trim().toUpperCase(),
      totalBudget: totalBudget.trim() || null,
      coFinancing: coFinancing
        .map(({ value }) => ({ source: value.source.trim(), amount: value.amount.trim() }))
        .filter((line) => line.source || line.amount),
      partners: partners
        .map(({ value }) => value)
        .filter((partner) => partner.name.trim() || partner.country || partner.memberId !== null || partner.organisationId !== null)
        .map((partner) => ({
          name: partner.name.trim(),
          role: partner.role,
          country: partner.country || null,
          memberId: partner.memberId,
          organisationId: partner.organisationId,
        })),
      objectives: objectives.map(({ value }) => trimmedTexts(value)).filter((objective) => Object.keys(objective).length > 0),
      activityStrands: strands
        .map(({ value }) => ({ name: trimmedTexts(value.name), description: trimmedTexts(value.description) }))
        .filter((strand) => Object.keys(strand.name).length > 0 || Object.keys(strand.description).length > 0),
      results: merged('results', text(form, 'results')),
      outputResourceIds: outputs.map((output) => output.id),
      lessonsLearned: merged('lessonsLearned', text(form, 'lessonsLearned')),
      contact: contact.name || contact.email || contact.phone ? { ...contact, name: contact.name ?? '' } : null,
      website: text(form, 'website'),
      topics: form.getAll('topics').map(Number),
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const body = read(new FormData(event.currentTarget))
    void save(() =>
      project
        ? api
            .PUT('/api/projects/{projectId}', {
              params: { path: { projectId: project.id }, header: { 'If-Match': props.etag ?? `"${project.version}"` }, query: { lang: ui } },
              body,
            })
            .then(unwrap)
        : api.POST('/api/projects', { params: { query: { lang: ui } }, body }).then(unwrap),
    )
  }

  const update = <T,>(set: (change: (rows: Row<T>[]) => Row<T>[]) => void, index: number, change: Partial<T>) =>
    set((rows) => rows.map((current, i) => (i === index ? { ...current, value: { ...current.value, ...change } } : current)))

  // Choosing the city or organisation a partner is fills its name and country where they are still empty.
  const link = (index: number, part: 'memberId' | 'organisationId', chosen: PickerOption | null) =>
    setPartners((rows) =>
      rows.map((current, i) => {
        if (i !== index) return current
        const value = { ...current.value, [part]: chosen?.id ?? null }
        if (chosen && !value.name.trim()) value.name = chosen.name
        if (chosen?.country && !value.country) value.country = chosen.country.iso2
        return { ...current, value }
      }),
    )

  return (
    <form className="edit-form" onSubmit={submit} noValidate data-testid="project-form">
      <h2>{project ? t('library.projectForm.editTitle') : t('library.projectForm.newTitle')}</h2>
      <FieldErrors error={error}>
        <TextLanguageSelect texts={texts} isNew={!project} />
        <div className="field-row">
          <Field name="acronym" label={t('library.projectForm.acronym')} required>
            {(control) => <input {...control} maxLength={50} defaultValue={project?.acronym ?? ''} data-testid="input-acronym" />}
          </Field>
          <Field name="programme" label={t('library.project.programme')} required hint={t('library.projectForm.programmeHint')}>
            {(control) => <input {...control} maxLength={200} defaultValue={project?.programme ?? ''} data-testid="input-programme" />}
          </Field>
        </div>
        {/* Keyed by language: switching shows that language's stored texts. */}
        <div key={language} lang={language}>
          <Field name="title" label={t('library.form.title')} required>
            {(control) => <input {...control} defaultValue={stored('title')} data-testid="input-title" />}
          </Field>
          <Field name="summary" label={t('library.form.summary')}>
            {(control) => <textarea {...control} rows={3} defaultValue={stored('summary')} data-testid="input-summary" />}
          </Field>
          <Field name="priority" label={t('library.project.priority')}>
            {(control) => <input {...control} defaultValue={stored('priority')} data-testid="input-priority" />}
          </Field>
        </div>
        <div className="field-row">
          <Field name="startDate" label={t('library.projectForm.startDate')}>
            {(control) => <input {...control} type="date" defaultValue={project?.startDate ?? ''} data-testid="input-startDate" />}
          </Field>
          <Field name="endDate" label={t('library.projectForm.endDate')}>
            {(control) => <input {...control} type="date" defaultValue={project?.endDate ?? ''} data-testid="input-endDate" />}
          </Field>
        </div>

        <fieldset data-testid="project-budget-fields">
          <legend>{t('library.project.budget')}</legend>
          <div className="field-row">
            <Field name="currency" label={t('library.projectForm.currency')} required hint={t('library.projectForm.currencyHint')}>
              {(control) => (
                <input {...control} value={currency} onChange={(event) => setCurrency(event.target.value)} maxLength={3} size={5} data-testid="input-currency" />
              )}
            </Field>
            <Field name="totalBudget" label={t('library.project.totalBudget')} hint={t('library.projectForm.amountHint')}>
              {(control) => (
                <input {...control} inputMode="decimal" value={totalBudget} onChange={(event) => setTotalBudget(event.target.value)} data-testid="input-totalBudget" />
              )}
            </Field>
          </div>
          <Field name="coFinancing" label={t('library.projectForm.coFinancing')} group>
            {() => (
              <>
                {coFinancing.map((line, index) => (
                  <div key={line.key} className="field-row list-row" data-testid="cofinancing-row">
                    <Field name={`coFinancing.${index}.source`} label={t('library.projectForm.source', { number: index + 1 })}>
                      {(control) => (
                        <input {...control} value={line.value.source} onChange={(event) => update(setCoFinancing, index, { source: event.target.value })} data-testid="input-cofinancing-source" />
                      )}
                    </Field>
                    <Field name={`coFinancing.${index}.amount`} label={t('library.projectForm.amount', { number: index + 1 })}>
                      {(control) => (
                        <input
                          {...control}
                          inputMode="decimal"
                          value={line.value.amount}
                          onChange={(event) => update(setCoFinancing, index, { amount: event.target.value })}
                          data-testid="input-cofinancing-amount"
                        />
                      )}
                    </Field>
                    <RowButtons
                      index={index}
                      count={coFinancing.length}
                      label={line.value.source || t('library.projectForm.source', { number: index + 1 })}
                      testId="cofinancing"
                      onRemove={() => setCoFinancing((rows) => rows.filter((current) => current.key !== line.key))}
                    />
                  </div>
                ))}
                <button type="button" onClick={() => setCoFinancing((rows) => [...rows, row({ source: '', amount: '' })])} data-testid="add-cofinancing">
                  {t('library.projectForm.addCoFinancing')}
                </button>
              </>
            )}
          </Field>
          <dl className="facts" aria-live="polite">
            <dt>{t('library.project.coFinancingTotal')}</dt>
            <dd data-testid="live-cofinancing-total">{money(live.sum)}</dd>
            <dt>{t('library.project.ownContribution')}</dt>
            <dd data-testid="live-own-contribution">{live.rest === null ? t('library.project.unknown') : money(live.rest)}</dd>
          </dl>
          {live.rest?.startsWith('-') && (
            <p className="field-error" data-testid="cofinancing-over">
              {t('library.projectForm.overBudget')}
            </p>
          )}
        </fieldset>

        <Field name="partners" label={t('library.project.partners')} group hint={t('library.projectForm.partnerHint')}>
          {() => (
            <>
              {partners.map((partner, index) => (
                <div key={partner.key} className="field-row list-row" data-testid="partner-row">
                  <Field name={`partners.${index}.name`} label={t('library.projectForm.partnerName', { number: index + 1 })} required>
                    {(control) => <input {...control} value={partner.value.name} onChange={(event) => update(setPartners, index, { name: event.target.value })} data-testid="input-partner-name" />}
                  </Field>
                  <Field name={`partners.${index}.role`} label={t('library.project.role')}>
                    {(control) => (
                      <select {...control} value={partner.value.role} onChange={(event) => update(setPartners, index, { role: event.target.value as Schemas['PartnerRole'] })} data-testid="input-partner-role">
                        {PARTNER_ROLES.map((role) => (
                          <option key={role} value={role}>
                            {t(`library.partnerRole.${role}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field name={`partners.${index}.country`} label={t('library.project.country')}>
                    {(control) => (
                      <select {...control} value={partner.value.country} onChange={(event) => update(setPartners, index, { country: event.target.value })} data-testid="input-partner-country">
                        <option value="">{t('library.projectForm.noCountry')}</option>
                        {partner.value.country && !countries.some((country) => country.iso2 === partner.value.country) && (
                          <option value={partner.value.country}>{partner.value.country}</option>
                        )}
                        {countries.map((country) => (
                          <option key={country.iso2} value={country.iso2}>
                            {country.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field name={`partners.${index}.memberId`} label={t('library.projectForm.memberId')}>
                    {(control) => (
                      <SearchPicker control={control} source={MEMBER_CITIES} value={partner.value.memberId} onChange={(city) => link(index, 'memberId', city)} testId="partner-member" />
                    )}
                  </Field>
                  <Field name={`partners.${index}.organisationId`} label={t('library.projectForm.organisationId')}>
                    {(control) => (
                      <SearchPicker
                        control={control}
                        source={ORGANISATIONS}
                        value={partner.value.organisationId}
                        onChange={(organisation) => link(index, 'organisationId', organisation)}
                        testId="partner-organisation"
                      />
                    )}
                  </Field>
                  <RowButtons
                    index={index}
                    count={partners.length}
                    label={partner.value.name || t('library.projectForm.partnerName', { number: index + 1 })}
                    testId="partner"
                    onMove={(by) => setPartners((rows) => moved(rows, index, by))}
                    onRemove={() => setPartners((rows) => rows.filter((current) => current.key !== partner.key))}
                  />
                </div>
              ))}
              <button
                type="button"
                onClick={() => setPartners((rows) => [...rows, row<Partner>({ name: '', role: rows.length === 0 ? 'LEAD_PARTNER' : 'PARTNER', country: '', memberId: null, organisationId: null })])}
                data-testid="add-partner"
              >
                {t('library.projectForm.addPartner')}
              </button>
            </>
          )}
        </Field>

        <div lang={language}>
          <Field name="objectives" label={t('library.project.objectives')} group>
            {() => (
              <>
                {objectives.map((objective, index) => (
                  <div key={objective.key} className="field-row list-row" data-testid="objective-row">
                    <Field name={`objectives.${index}`} label={t('library.projectForm.objective', { number: index + 1 })}>
                      {(control) => (
                        <textarea
                          {...control}
                          rows={2}
                          value={objective.value[language] ?? ''}
                          onChange={(event) =>
                            setObjectives((rows) => rows.map((current) => (current.key === objective.key ? { ...current, value: withText(current.value, language, event.target.value) } : current)))
                          }
                          data-testid="input-objective"
                        />
                      )}
                    </Field>
                    <RowButtons
                      index={index}
                      count={objectives.length}
                      label={t('library.projectForm.objective', { number: index + 1 })}
                      testId="objective"
                      onMove={(by) => setObjectives((rows) => moved(rows, index, by))}
                      onRemove={() => setObjectives((rows) => rows.filter((current) => current.key !== objective.key))}
                    />
                  </div>
                ))}
                <button type="button" onClick={() => setObjectives((rows) => [...rows, row({})])} data-testid="add-objective">
                  {t('library.projectForm.addObjective')}
                </button>
              </>
            )}
          </Field>
          <Field name="activityStrands" label={t('library.project.strands')} group>
            {() => (
              <>
                {strands.map((strand, index) => {
                  const edit = (part: keyof Strand, value: string) =>
                    setStrands((rows) =>
                      rows.map((current) => (current.key === strand.key ? { ...current, value: { ...current.value, [part]: withText(current.value[part], language, value) } } : current)),
                    )
                  return (
                    <div key={strand.key} className="field-row list-row" data-testid="strand-row">
                      <Field name={`activityStrands.${index}.name`} label={t('library.projectForm.strandName', { number: index + 1 })}>
                        {(control) => <input {...control} value={strand.value.name[language] ?? ''} onChange={(event) => edit('name', event.target.value)} data-testid="input-strand-name" />}
                      </Field>
                      <Field name={`activityStrands.${index}.description`} label={t('library.projectForm.strandDescription', { number: index + 1 })}>
                        {(control) => (
                          <textarea {...control} rows={2} value={strand.value.description[language] ?? ''} onChange={(event) => edit('description', event.target.value)} data-testid="input-strand-description" />
                        )}
                      </Field>
                      <RowButtons
                        index={index}
                        count={strands.length}
                        label={strand.value.name[language] || t('library.projectForm.strandName', { number: index + 1 })}
                        testId="strand"
                        onMove={(by) => setStrands((rows) => moved(rows, index, by))}
                        onRemove={() => setStrands((rows) => rows.filter((current) => current.key !== strand.key))}
                      />
                    </div>
                  )
                })}
                <button type="button" onClick={() => setStrands((rows) => [...rows, row({ name: {}, description: {} })])} data-testid="add-strand">
                  {t('library.projectForm.addStrand')}
                </button>
              </>
            )}
          </Field>
        </div>
        <div key={`results-${language}`} lang={language}>
          <Field name="results" label={t('library.project.results')}>
            {(control) => <textarea {...control} rows={4} defaultValue={stored('results')} data-testid="input-results" />}
          </Field>
          <Field name="lessonsLearned" label={t('library.project.lessons')}>
            {(control) => <textarea {...control} rows={4} defaultValue={stored('lessonsLearned')} data-testid="input-lessonsLearned" />}
          </Field>
        </div>
        <ResourcePicker name="outputResourceIds" label={t('library.project.outputs')} value={outputs} choices={resourceChoices} testId="outputs" onChange={setOutputs} />
        <fieldset>
          <legend>{t('library.project.contact')}</legend>
          <div className="field-row">
            {(['name', 'email', 'phone'] as const).map((part) => (
              <Field key={part} name={`contact.${part}`} label={t(`library.caseStudy.contact.${part}`)}>
                {(control) => <input {...control} type={part === 'email' ? 'email' : 'text'} defaultValue={project?.contact?.[part] ?? ''} data-testid={`input-contact-${part}`} />}
              </Field>
            ))}
          </div>
        </fieldset>
        <Field name="website" label={t('library.project.website')}>
          {(control) => <input {...control} type="url" defaultValue={project?.website ?? ''} data-testid="input-website" />}
        </Field>
        <TopicChoices chosen={project?.topics ?? []} />
      </FieldErrors>
      <SaveProblem error={error} onReload={props.onReload} />
      <FormActions saving={saving} saveTestId="project-save" onCancel={props.onCancel} />
    </form>
  )
}
