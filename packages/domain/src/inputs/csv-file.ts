/**
 * Reading a CSV file into records (RFC 4180: comma-separated, double quotes around cells that hold
 * commas, quotes or line breaks, `""` for a quote inside them; CRLF or LF; a leading byte-order
 * mark as Excel writes it). Pure and small, so the API and the admin app read a file the same way.
 */
export interface CsvTable {
  header: string[];
  /** Each data record with its row number as a spreadsheet shows it (the header is row 1). */
  records: { rowNumber: number; cells: string[] }[];
}

/** Splits `text` into rows of cells. Blank lines are dropped; an unclosed quote runs to the end. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    cell = '';
  };
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index];
    if (isQuoted) {
      if (character !== '"') cell += character;
      else if (source[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else isQuoted = false;
    } else if (character === '"') isQuoted = true;
    else if (character === ',') {
      row.push(cell);
      cell = '';
    } else if (character === '\n') endRow();
    else if (character !== '\r') cell += character;
  }
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** The first row as the header (names trimmed and lower-cased), the rest as numbered records. */
export function readCsvTable(text: string): CsvTable {
  const [header = [], ...records] = parseCsv(text);
  return {
    header: header.map((name) => name.trim().toLowerCase()),
    records: records.map((cells, index) => ({ rowNumber: index + 2, cells })),
  };
}

/** One cell as a CSV file writes it: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows of cells as CSV text, CRLF-separated (what spreadsheets expect). */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
