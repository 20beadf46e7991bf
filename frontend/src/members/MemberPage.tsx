import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, unwrap, unwrapVersioned, type Schemas } from '../api/client'
import { useAuth, useHasRole } from '../auth/AuthProvider'
import { formatDate, formatDateTime, formatNumber, languageName } from '../components/format'
import { HistoryPanel } from '../components/HistoryPanel'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { itemsOf, useTopics } from '../components/useReference'
import { currentLanguage, type Language } from '../i18n'
import { NotFoundPage } from '../pages/NotFoundPage'
import { FocalPoints } from './FocalPoints'
import { MemberForm, type MemberFormMode } from './MemberForm'
import { ProgressReports } from './ProgressReports'
import { StatusActions } from './StatusActions'
import { useMyCityIds } from './useMyCities'

type Member = Schemas['Member']

export function MemberPage() {
  const { t } = useTranslation()
  const language = currentLanguage()
  const memberId = Number(useParams().id)
  const auth = useAuth()
  const isSecretariat = useHasRole('secretariat')
  const myCities = useMyCityIds()
  const [reloads, setReloads] = useState(0)
  const [editing, setEditing] = useState<MemberFormMode | null>(null)
  const [saved, setSaved] = useState(false)
  const reload = () => setReloads((n) => n + 1)

  const member = useLoad(
    (signal) =>
      api
        .GET('/api/members/{memberId}', { params: { path: { memberId }, query: { lang: language } }, signal })
        .then(unwrapVersioned),
    [memberId, language, reloads],
  )

  if (!Number.isInteger(memberId) || memberId <= 0) return <NotFoundPage />
  // The secretariat edits the whole record; a focal point of this city edits its profile.
  const editMode: MemberFormMode | null = isSecretariat ? 'record' : myCities.has(memberId) ? 'profile' : null

  return (
    <Loaded state={member}>
      {({ data, etag }) => (
        <article data-testid="member-page">
          <p>
            <Link to="/members">{t('member.backToDirectory')}</Link>
          </p>
          <h1 data-testid="member-name">{data.name}</h1>
          {data.localName && data.localName !== data.name && <p className="subtitle">{data.localName}</p>}
          {saved && !editing && (
            <p role="status" className="notice" data-testid="member-saved">
              {t('edit.saved')}
            </p>
          )}
          {editMode && !editing && (
            <p>
              <button
                type="button"
                data-testid="member-edit"
                onClick={() => {
                  setSaved(false)
                  setEditing(editMode)
                }}
              >
                {editMode === 'record' ? t('member.edit.record') : t('member.edit.profile')}
              </button>
            </p>
          )}
          {editing ? (
            <MemberForm
              key={etag}
              member={data}
              etag={etag}
              mode={editing}
              onSaved={() => {
                setEditing(null)
                setSaved(true)
                reload()
              }}
              onCancel={() => setEditing(null)}
              onReload={reload}
            />
          ) : (
            <MemberDetails member={data} language={language} />
          )}
          {isSecretariat && !editing && <StatusActions memberId={data.id} status={data.status} onChanged={reload} />}
          <StatusHistory memberId={data.id} language={language} reloads={reloads} />
          <ProgressReports memberId={data.id} language={language} canRecord={auth.status === 'authenticated' && editMode !== null} />
          {/* Asked only by those who may see it; should the API still refuse (401/403), the section hides itself. */}
          {auth.status === 'authenticated' && editMode && <FocalPoints memberId={data.id} isSecretariat={isSecretariat} />}
          {isSecretariat && <HistoryPanel entityType="member_city" entityId={data.id} reloads={reloads} />}
        </article>
      )}
    </Loaded>
  )
}

function MemberDetails({ member, language }: { member: Member; language: Language }) {
  const { t } = useTranslation()
  const topics = itemsOf(useTopics(language))
  const topicName = (number: number) => topics.find((topic) => topic.number === number)?.name ?? String(number)
  const profile = member.localizedProfile
  const hasNarrative = profile && (profile.visionAndMotivation || profile.challengesAndGoals || profile.planAndImplementation)

  return (
    <>
      <dl className="facts">
        <dt>{t('member.field.country')}</dt>
        <dd>{member.country.name}</dd>
        {member.unescoRegion && (
          <>
            <dt>{t('member.field.region')}</dt>
            <dd>{member.unescoRegion.name}</dd>
          </>
        )}
        {member.incomeGroup && (
          <>
            <dt>{t('member.field.incomeGroup')}</dt>
            <dd>{member.incomeGroup.name}</dd>
          </>
        )}
        <dt>{t('member.field.yearJoined')}</dt>
        <dd>{member.yearJoined}</dd>
        <dt>{t('member.field.status')}</dt>
        <dd data-testid="member-status">{t(`memberStatus.${member.status}`)}</dd>
        {member.population != null && (
          <>
            <dt>{t('member.field.population')}</dt>
            <dd>{formatNumber(member.population, language)}</dd>
          </>
        )}
        {member.areaKm2 != null && (
          <>
            <dt>{t('member.field.areaKm2')}</dt>
            <dd>{formatNumber(member.areaKm2, language)}</dd>
          </>
        )}
        {member.mayor && (
          <>
            <dt>{t('member.field.mayor')}</dt>
            <dd>{member.mayor.title ? `${member.mayor.name}, ${member.mayor.title}` : member.mayor.name}</dd>
          </>
        )}
        {member.languages.length > 0 && (
          <>
            <dt>{t('member.field.languages')}</dt>
            <dd>{member.languages.map((code) => languageName(code, language)).join(', ')}</dd>
          </>
        )}
        {member.website && (
          <>
            <dt>{t('member.field.website')}</dt>
            <dd>
              <a href={member.website} rel="noopener noreferrer">
                {member.website}
              </a>
            </dd>
          </>
        )}
      </dl>

      {member.topics.length > 0 && (
        <section aria-labelledby="member-topics-title">
          <h2 id="member-topics-title">{t('member.field.topics')}</h2>
          <ul data-testid="member-topics">
            {member.topics.map((number) => (
              <li key={number}>{topicName(number)}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="member-profile-title" data-testid="member-profile">
        <h2 id="member-profile-title">{t('member.field.profile')}</h2>
        {profile?.fallback && (
          <p className="notice" data-testid="profile-fallback">
            {t('member.fallbackNote', { shown: languageName(profile.language, language), wanted: languageName(language, language) })}
          </p>
        )}
        {hasNarrative ? (
          <div lang={profile.language}>
            {(['visionAndMotivation', 'challengesAndGoals', 'planAndImplementation'] as const).map(
              (part) =>
                profile[part] && (
                  <section key={part}>
                    <h3>{t(`member.profilePart.${part}`)}</h3>
                    <p className="narrative" data-testid={`profile-${part}`}>
                      {profile[part]}
                    </p>
                  </section>
                ),
            )}
          </div>
        ) : (
          <p>{t('member.noProfile')}</p>
        )}
      </section>
    </>
  )
}

function StatusHistory({ memberId, language, reloads }: { memberId: number; language: Language; reloads: number }) {
  const { t } = useTranslation()
  const history = useLoad(
    (signal) => api.GET('/api/members/{memberId}/status-changes', { params: { path: { memberId } }, signal }).then(unwrap),
    [memberId, reloads],
  )
  return (
    <section aria-labelledby="status-history-title" data-testid="status-history">
      <h2 id="status-history-title">{t('member.history.title')}</h2>
      <Loaded state={history} isEmpty={(data) => data.items.length === 0} empty={t('member.history.none')}>
        {(data) => (
          <ol className="timeline">
            {data.items.map((change) => (
              <li key={change.id}>
                <strong>{formatDate(change.date, language)}</strong>{' '}
                {change.fromStatus
                  ? t('member.history.change', { from: t(`memberStatus.${change.fromStatus}`), to: t(`memberStatus.${change.toStatus}`) })
                  : t(`memberStatus.${change.toStatus}`)}
                {' · '}
                {change.reason}
                <div className="muted">{t('member.history.recorded', { by: change.recordedBy, at: formatDateTime(change.recordedAt, language) })}</div>
              </li>
            ))}
          </ol>
        )}
      </Loaded>
    </section>
  )
}
