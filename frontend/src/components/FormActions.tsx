import { useTranslation } from 'react-i18next'

/** The Save / Cancel buttons at the foot of every edit form. */
export function FormActions(props: { saving: boolean; saveTestId: string; onCancel: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      <button type="submit" disabled={props.saving} data-testid={props.saveTestId}>
        {props.saving ? t('edit.saving') : t('edit.save')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('edit.cancel')}
      </button>
    </div>
  )
}
