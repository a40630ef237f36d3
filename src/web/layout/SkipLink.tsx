import { useTranslation } from 'react-i18next';

/** The first thing in the tab order: jumps past the header and navigation to the page content. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="tb-skip-link"
      href="#main-content"
      onClick={(event) => {
        const main = document.getElementById('main-content');
        if (!main) return;
        event.preventDefault();
        main.focus();
        main.scrollIntoView();
      }}
    >
      {t('a11y.skipToContent')}
    </a>
  );
}
