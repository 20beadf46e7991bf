import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, unwrap } from '../api/client'
import { formatDate } from '../components/format'
import { Loaded } from '../components/Loaded'
import { RequireLogin } from '../components/LoginPrompt'
import { useLoad } from '../components/useLoad'
import { currentLanguage } from '../i18n'
import { ApplicationForm } from './ApplicationForm'

/** The open calls for membership and the application form (for logged-in users). */
export function ApplyPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const navigate = useNavigate()
  const [chosen, setChosen] = useState<number | null>(null)
  const calls = useLoad(
    (signal) =>
      api
        .GET('/api/membership-calls', { params: { query: { size: 100 } }, signal })
        .then(unwrap)
        .then((list) => list.items.filter((call) => call.open)),
    [],
  )

  return (
    <>
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.intro')}</p>
      <Loaded state={calls} isEmpty={(open) => open.length === 0} empty={t('apply.noOpenCall')}>
        {(open) => {
          const callId = chosen ?? open[0].id
          return (
            <>
              <fieldset className="call-choice">
                <legend>{t('apply.openCalls')}</legend>
                {open.map((call) => (
                  <label key={call.id} data-testid="open-call">
                    <input type="radio" name="call" checked={call.id === callId} onChange={() => setChosen(call.id)} />{' '}
                    {call.title} ({t('apply.window', { opens: formatDate(call.opensOn, language), closes: formatDate(call.closesOn, language) })})
                  </label>
                ))}
              </fieldset>
              <RequireLogin reason={t('apply.loginNeeded')}>
                <ApplicationForm
                  key={callId}
                  callId={callId}
                  onSubmitted={(application) => void navigate(`/applications/${application.id}`, { state: { submitted: true } })}
                />
              </RequireLogin>
            </>
          )
        }}
      </Loaded>
    </>
  )
}
