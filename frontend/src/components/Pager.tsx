import { useTranslation } from 'react-i18next'

/** Previous / next through a paged list; hidden when everything fits on one page. */
export function Pager(props: { page: number; size: number; total: number; onPage: (page: number) => void }) {
  const { t } = useTranslation()
  const pages = Math.max(1, Math.ceil(props.total / props.size))
  if (pages <= 1) return null
  return (
    <nav className="pager" aria-label={t('pager.label')}>
      <button type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)} data-testid="page-previous">
        {t('pager.previous')}
      </button>
      <span>{t('pager.position', { page: props.page, pages })}</span>
      <button type="button" disabled={props.page >= pages} onClick={() => props.onPage(props.page + 1)} data-testid="page-next">
        {t('pager.next')}
      </button>
    </nav>
  )
}

/** A column header that sorts by `field`; a second click reverses the order. */
export function SortHeader(props: { field: string; label: string; sort: string; onSort: (sort: string) => void }) {
  const ascending = props.sort === props.field
  const descending = props.sort === `-${props.field}`
  return (
    <th scope="col" aria-sort={ascending ? 'ascending' : descending ? 'descending' : undefined}>
      <button
        type="button"
        className="sort-button"
        data-testid={`sort-${props.field}`}
        onClick={() => props.onSort(ascending ? `-${props.field}` : props.field)}
      >
        {props.label}
        <span aria-hidden="true">{ascending ? ' ▲' : descending ? ' ▼' : ''}</span>
      </button>
    </th>
  )
}
