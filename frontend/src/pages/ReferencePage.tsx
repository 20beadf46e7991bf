import { useTranslation } from 'react-i18next'
import { api, unwrap, type Schemas } from '../api/client'
import { Loaded } from '../components/Loaded'
import { useLoad } from '../components/useLoad'
import { currentLanguage, type Language } from '../i18n'

type RegionWithCountries = { region: Schemas['Region']; countries: Schemas['CountryList'] }

export function ReferencePage() {
  // useTranslation re-renders this page when the language changes; the sections re-fetch then.
  const { t } = useTranslation()
  const language = currentLanguage()
  return (
    <>
      <h1>{t('reference.title')}</h1>
      <TopicGroups language={language} />
      <CountriesByRegion language={language} />
    </>
  )
}

function TopicGroups({ language }: { language: Language }) {
  const { t } = useTranslation()
  const groups = useLoad(
    (signal) => api.GET('/api/reference/topic-groups', { params: { query: { lang: language } }, signal }).then(unwrap),
    [language],
  )
  return (
    <section aria-labelledby="topics-title" data-testid="topic-groups">
      <h2 id="topics-title">{t('reference.topicsTitle')}</h2>
      <Loaded state={groups} isEmpty={(data) => data.items.length === 0} empty={t('reference.noTopics')}>
        {(data) =>
          data.items.map((group) => (
            <section key={group.number} aria-labelledby={`topic-group-${group.number}`}>
              <h3 id={`topic-group-${group.number}`}>{t('reference.groupTitle', { number: group.number, name: group.name })}</h3>
              <ol>
                {group.topics.map((topic) => (
                  <li key={topic.number} value={topic.number} data-testid={`topic-${topic.number}`}>
                    {topic.name}
                  </li>
                ))}
              </ol>
            </section>
          ))
        }
      </Loaded>
    </section>
  )
}

function CountriesByRegion({ language }: { language: Language }) {
  const { t } = useTranslation()
  const regions = useLoad(async (signal): Promise<RegionWithCountries[]> => {
    const regionList = await api.GET('/api/reference/regions', { params: { query: { lang: language } }, signal }).then(unwrap)
    return Promise.all(
      regionList.items.map(async (region) => {
        const query = { region: region.code, size: 200, sort: 'name', lang: language }
        const countries = await api.GET('/api/reference/countries', { params: { query }, signal }).then(unwrap)
        return { region, countries }
      }),
    )
  }, [language])

  return (
    <section aria-labelledby="countries-title" data-testid="countries-by-region">
      <h2 id="countries-title">{t('reference.countriesTitle')}</h2>
      <Loaded state={regions} isEmpty={(data) => data.length === 0} empty={t('reference.noRegions')}>
        {(data) =>
          data.map(({ region, countries }) => (
            <section key={region.code} aria-labelledby={`region-${region.code}`} data-testid={`region-${region.code}`}>
              <h3 id={`region-${region.code}`}>{region.name}</h3>
              <p>{t('reference.countryCount', { count: region.countryCount })}</p>
              {countries.items.length === 0 ? (
                <p>{t('reference.noCountries')}</p>
              ) : (
                <ul className="country-list">
                  {countries.items.map((country) => (
                    <li key={country.iso2}>
                      {country.name}
                    </li>
                  ))}
                </ul>
              )}
              {countries.total > countries.items.length && (
                <p>{t('reference.partial', { shown: countries.items.length, total: countries.total })}</p>
              )}
            </section>
          ))
        }
      </Loaded>
    </section>
  )
}
