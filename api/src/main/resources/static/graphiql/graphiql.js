// Opens GraphiQL on /graphql with the cookbook's key queries as tabs (tabs.json, the
// headline question first; GraphiqlTabsTests keeps them equal to docs/graphql-cookbook.md).
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
  const graphiql = React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: '/graphql' }),
    defaultTabs: tabs.length > 0 ? tabs : undefined,
    defaultEditorToolsVisibility: true,
  });
  ReactDOM.createRoot(container).render(graphiql);
})();
