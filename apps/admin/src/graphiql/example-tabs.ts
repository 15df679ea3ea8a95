/**
 * GraphiQL opens with one tab per example operation of `docs/examples/` (the same files the API
 * guide points integrators to), in file order: the operation — its `# Title:` and explanation
 * comments kept above it — in the editor, and its `# Variables:` line in the variables pane.
 * Vite reads the files at build time, so the page fetches nothing to show them.
 */
const EXAMPLE_FILES = import.meta.glob<string>('../../../../docs/examples/*.graphql', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export interface ExampleTab {
  /** The file name, e.g. `01-viewer.graphql`. */
  file: string;
  /** The `# Title:` line: the task it shows. GraphiQL names the tab after the operation. */
  title: string;
  query: string;
  /** Pretty-printed JSON. */
  variables: string;
}

const TITLE_LINE = /^# Title: (.+)$/m;
const VARIABLES_LINE = /^# Variables: (.+)$\n?/m;

/** One example file as a tab; a file without its header lines is a mistake worth failing the build over. */
export function exampleTab(file: string, source: string): ExampleTab {
  const title = TITLE_LINE.exec(source)?.[1];
  const variables = VARIABLES_LINE.exec(source)?.[1];
  if (title === undefined || variables === undefined) {
    throw new Error(`docs/examples/${file} needs a "# Title:" and a "# Variables:" line.`);
  }
  return {
    file,
    title,
    query: source.replace(VARIABLES_LINE, ''),
    variables: JSON.stringify(JSON.parse(variables), null, 2),
  };
}

export const EXAMPLE_TABS: readonly ExampleTab[] = Object.entries(EXAMPLE_FILES)
  .map(([path, source]) => exampleTab(path.slice(path.lastIndexOf('/') + 1), source))
  .sort((left, right) => left.file.localeCompare(right.file));
