import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, unwrap } from '../api/client'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { EntryLegs } from './EntryLegs'
import { FundLinks } from './FundPage'
import { RECORDED_KINDS, type Movement, type RecordedKind } from './fundApi'
import { ManagerOnly } from './ManagerOnly'
import { MovementForm } from './MovementForm'

/** The fund manager records a movement: pick its kind, fill the form, confirm the entry. */
export function RecordPage({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  return (
    <ManagerOnly>
      <h1>{t('fund.record.title')}</h1>
      <FundLinks fundId={fundId} />
      <Recorder fundId={fundId} />
    </ManagerOnly>
  )
}

function Recorder({ fundId }: { fundId: number }) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [kind, setKind] = useState<RecordedKind>('PLEDGE')
  const [posted, setPosted] = useState<Movement | null>(null)
  const [forms, setForms] = useState(0) // a new form (fresh fields) after each posting
  const fund = useLoad((signal) => api.GET('/api/funds/{fundId}', { params: { path: { fundId } }, signal }).then(unwrap), [fundId])

  return (
    <Loaded state={fund}>
      {(data) => (
        <>
          <p className="subtitle">{data.name}</p>
          {posted && (
            <section role="status" className="notice" data-testid="movement-posted" aria-labelledby="posted-title">
              <h2 id="posted-title">
                {t('fund.record.posted', { kind: t(`fund.kind.${posted.kind}`), entry: posted.entry.id, movement: posted.id })}
              </h2>
              <EntryLegs legs={posted.entry.legs} language={language} testId="posted-leg" />
              <p>
                <Link to={`/fund/${fundId}/journal`}>{t('fund.links.journal')}</Link>
              </p>
            </section>
          )}
          <fieldset className="field kind-choice">
            <legend>{t('fund.record.kind')}</legend>
            <div className="radio-list">
              {RECORDED_KINDS.map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name="movement-kind"
                    value={value}
                    checked={kind === value}
                    onChange={() => {
                      setKind(value)
                      setPosted(null)
                    }}
                    data-testid={`kind-${value}`}
                  />{' '}
                  {t(`fund.kind.${value}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <h2>{t(`fund.kind.${kind}`)}</h2>
          <MovementForm
            key={`${kind}:${forms}`}
            fundId={fundId}
            fund={data}
            kind={kind}
            onPosted={(movement) => {
              setPosted(movement)
              setForms((n) => n + 1)
            }}
            onCancel={() => setForms((n) => n + 1)}
          />
        </>
      )}
    </Loaded>
  )
}
