import { useTranslation } from 'react-i18next'

/** The Save / Cancel buttons at the foot of every edit form; Save alone for a form that stays open. */
export function FormActions(props: { saving: boolean; saveTestId: string; onCancel?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      <button type="submit" disabled={props.saving} data-testid={props.saveTestId}>
        {props.saving ? t('edit.saving') : t('edit.save')}
      </button>
      {props.onCancel && (
        <button type="button" onClick={props.onCancel}>
          {t('edit.cancel')}
        </button>
      )}
    </div>
  )
}
