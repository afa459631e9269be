/** Example bodies of the open-data endpoints, as OBP's resource docs show them. */
const address = {
  line_1: 'Osloer Straße 16/17',
  line_2: 'Wedding',
  line_3: '',
  city: 'Berlin',
  state: 'Berlin Brandenburg',
  postcode: '13359',
  country: 'DE',
};
const location = { latitude: 11.45, longitude: 11.45 };
const meta = { license: { id: 'ODbL-1.0', name: 'Open Database License' } };

export const exampleBranch = {
  id: '5995d6a2-01b3-423c-a173-5481df49bdaf',
  name: 'String',
  address,
  location,
  lobby: { hours: '5' },
  drive_up: { hours: '5' },
  meta,
  branch_routing: { scheme: 'BranchNumber', address: '678' },
};

export const exampleBranchPut = {
  bank_id: 'gh.29.fi',
  name: 'OBP',
  address,
  location,
  meta,
  lobby: { hours: '5' },
  drive_up: { hours: '5' },
};

export const exampleBranchPost = { id: '123', ...exampleBranchPut };

export const exampleAtm = { id: '5995d6a2-01b3-423c-a173-5481df49bdaf', name: 'String', address, location, meta };

export const exampleProduct = {
  bank_id: 'bankid123',
  code: 'prod1',
  name: 'product name',
  category: 'category',
  family: 'family',
  super_family: 'super family',
  more_info_url: 'www.example.com/prod1/more-info.html',
  details: 'Details',
  description: 'Description',
  meta,
};
