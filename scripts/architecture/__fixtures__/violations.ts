// Each kind of parsing the architecture test must find (read by the test only; never imported).
export function violations(text: string, count: number, value: unknown): number[] {
  return [
    Date.parse(text),
    new Date(text).getTime(),
    Number(text),
    Number.parseFloat(text),
    parseInt(text, 10),
    +text,
    Number(value),
    // Not text: these are not findings.
    new Date(count).getTime(),
    Number(count),
    +count,
  ];
}
