// Opens GraphiQL on /graphql with the cookbook's key queries as tabs (tabs.json, the
// headline question first; GraphiqlTabsTests keeps them equal to docs/graphql-cookbook.md),
// and the explorer plugin (a tree of the schema's fields to tick) in its sidebar.
// GraphiQL keeps a visitor's own tabs in localStorage: the defaults show on a first visit,
// or after "Clear storage" in its settings.
(async () => {
  const container = document.getElementById('graphiql');
  let tabs = [];
  try {
    const response = await fetch('/graphiql/tabs.json');
    tabs = await response.json();
  } catch (failed) {
    console.warn('GraphiQL opens without the cookbook tabs', failed);
  }
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });

  // The explorer edits the query GraphiQL shows, so GraphiQL's query is held here. It
  // starts as GraphiQL would start it itself (the query last edited, kept in localStorage,
  // else the first tab's): any other value would open a new tab on every visit.
  let initialQuery = tabs.length > 0 ? tabs[0].query : undefined;
  try {
    initialQuery = localStorage.getItem('graphiql:query') ?? initialQuery;
  } catch (blocked) {
    // no storage: GraphiQL keeps nothing either
  }

  function GraphiQLWithExplorer() {
    const [query, setQuery] = React.useState(initialQuery);
    const explorer = GraphiQLPluginExplorer.useExplorerPlugin({ query: query ?? '', onEdit: setQuery });
    return React.createElement(GraphiQL, {
      fetcher,
      defaultTabs: tabs.length > 0 ? tabs : undefined,
      defaultEditorToolsVisibility: true,
      query,
      onEditQuery: setQuery,
      plugins: [explorer],
    });
  }

  ReactDOM.createRoot(container).render(React.createElement(GraphiQLWithExplorer));
})();
