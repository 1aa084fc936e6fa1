import { useEffect } from 'react';

const PRODUCT_NAME = 'Autonomy dashboard';

/** Names the browser tab after the page, so history and tabs are readable. */
export function useDocumentTitle(pageTitle: string | null): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [pageTitle]);
}
