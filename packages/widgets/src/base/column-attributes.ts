/**
 * The `*-column` attributes of a widget, said once: role → the element properties that may name
 * its column, first given wins (`{ task: ['taskColumn'] }` reads `task-column`). The same table
 * declares the properties (`columnProperties`) and reads them as a schema's overrides
 * (`columnOverrides`).
 */
export type ColumnAttributes = Readonly<Record<string, readonly string[]>>;

interface StringProperty {
  type: StringConstructor;
  attribute: string;
}

/** The Lit properties of the attributes in `attributes`: `targetColumn` is `target-column`. */
export function columnProperties(attributes: ColumnAttributes): Record<string, StringProperty> {
  const properties: Record<string, StringProperty> = {};
  for (const names of Object.values(attributes)) {
    for (const name of names) {
      properties[name] = {
        type: String,
        attribute: name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`),
      };
    }
  }
  return properties;
}

/** Role → header, for the roles whose column the element's attributes name. */
export function columnOverrides(
  element: object,
  attributes: ColumnAttributes,
): Record<string, string> {
  const values = element as Readonly<Record<string, unknown>>;
  const overrides: Record<string, string> = {};
  for (const [role, names] of Object.entries(attributes)) {
    const header = names
      .map((name) => values[name])
      .find((value) => typeof value === 'string' && value !== '');
    if (typeof header === 'string') overrides[role] = header;
  }
  return overrides;
}
