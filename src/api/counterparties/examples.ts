/** Example bodies from OBP's resource docs (endpoints.json). */
const location = {
  latitude: 1.231,
  longitude: 1.231,
  date: '1100-01-01T00:00:00Z',
  user: { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', provider: 'http://127.0.0.1:8080', display_name: 'OBP' },
};

export const exampleOtherAccountMetadata = {
  public_alias: 'NONE',
  private_alias: 'NONE',
  more_info: 'www.openbankproject.com',
  URL: 'www.openbankproject.com',
  image_URL: 'www.openbankproject.com',
  open_corporates_URL: 'www.openbankproject.com',
  corporate_location: location,
  physical_location: location,
};

export const exampleOtherAccount = {
  id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
  holder: { name: 'OBP', is_alias: true },
  number: '123',
  kind: '3456',
  IBAN: 'UK234DB',
  swift_bic: 'UK12321DB',
  bank: { national_identifier: 'OBP', name: 'OBP' },
  metadata: exampleOtherAccountMetadata,
};
