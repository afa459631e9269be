/** Example bodies from OBP's resource docs. */
const user = { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' };
const id = '5995d6a2-01b3-423c-a173-5481df49bdaf';
const date = '1100-01-01T00:00:00Z';

export const exampleNote = { id, value: 'OBP', date, user };
export const exampleImage = { id, label: 'NONE', URL: 'www.openbankproject.com', date, user };
export const exampleWhere = { where: { latitude: 1.231, longitude: 1.231, date, user } };
export const exampleWhereRequest = { where: { latitude: 1.532, longitude: 1.535 } };
