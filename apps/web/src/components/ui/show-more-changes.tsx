/** What a list read a page at a time needs of its infinite query to offer the next page. */
interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Show more" under a list of changes, and what to say when the next page could not be read. */
export function ShowMoreChanges({ changes }: { changes: PagedList }) {
  return (
    <>
      {changes.hasNextPage && (
        <button
          type="button"
          className="button button--small change-list__more"
          disabled={changes.isFetchingNextPage}
          onClick={() => void changes.fetchNextPage()}
        >
          {changes.isFetchingNextPage ? 'Loading more…' : 'Show more'}
        </button>
      )}
      {changes.isFetchNextPageError && (
        <p className="notice notice--error" role="alert">
          The next changes could not be loaded. Try again.
        </p>
      )}
    </>
  );
}
