import { atmJson } from '../../json/v140.js';
import { productJson } from '../../json/v210.js';
import { endpoint } from '../endpoint.js';
import { licensedDocument, licensedDocuments, openDataAccessText, requireOpenDataAccess } from './access.js';
import { exampleAtm, exampleProduct } from './examples.js';
import { pageOf } from '../paging.js';

const atmAccess = openDataAccessText('OBP_APIOPTIONS_GETATMSISPUBLIC (apiOptions.getAtmsIsPublic)');
const productAccess = openDataAccessText('OBP_APIOPTIONS_GETPRODUCTSISPUBLIC (apiOptions.getProductsIsPublic)');
const atmContents = ['* Address', '* Geo Location', '* License the data under this endpoint is released under'];

export const getAtms = endpoint({
  operationId: 'OBPv1.4.0-getAtms',
  verb: 'GET',
  path: '/banks/BANK_ID/atms',
  summary: 'Get Bank ATMS',
  description: [
    'Returns information about ATMs for a single bank specified by BANK_ID including:',
    '',
    ...atmContents,
    '',
    'ATMs whose license id or name is empty are not listed. Ordered by ATM id.',
    '',
    'You can use the url query parameters *limit* (default 50) and *offset* (default 0) for pagination.',
    '',
    atmAccess,
  ].join('\n'),
  tags: ['Bank', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-10025', 'OBP-10024', 'No ATMs available. License may not be set.', 'OBP-50000'],
  example: { response: { atms: [exampleAtm] } },
  successStatus: 200,
  handler: async ({ caller, config, store, params, query }) => {
    requireOpenDataAccess(caller, config.props.getAtmsIsPublic);
    return { atms: pageOf(await licensedDocuments(store, 'atm', params.BANK_ID), query).map(atmJson) };
  },
});

export const getAtm = endpoint({
  operationId: 'OBPv2.1.0-getAtm',
  verb: 'GET',
  path: '/banks/BANK_ID/atms/ATM_ID',
  summary: 'Get Bank ATM',
  description: [
    'Returns information about the ATM specified by BANK_ID and ATM_ID including:',
    '',
    ...atmContents,
    '',
    'An ATM whose license id or name is empty is not found (OBP-30009).',
    '',
    atmAccess,
  ].join('\n'),
  tags: ['ATM', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30009', 'OBP-50000'],
  example: { response: exampleAtm },
  successStatus: 200,
  handler: async ({ caller, config, store, params }) => {
    requireOpenDataAccess(caller, config.props.getAtmsIsPublic);
    return atmJson(await licensedDocument(store, 'atm', params.BANK_ID, params.ATM_ID, 'OBP-30009'));
  },
});

const productContents = [
  '* Name',
  '* Code',
  '* Category',
  '* Family',
  '* Super Family',
  '* More info URL',
  '* Description',
  '* Terms and Conditions',
  '* License the data under this endpoint is released under',
];

export const getProducts = endpoint({
  operationId: 'OBPv2.1.0-getProducts',
  verb: 'GET',
  path: '/banks/BANK_ID/products',
  summary: 'Get Bank Products',
  description: [
    'Returns information about the financial products offered by a bank specified by BANK_ID including:',
    '',
    ...productContents,
    '',
    'Products whose license id or name is empty are not listed. Ordered by product code.',
    '',
    productAccess,
  ].join('\n'),
  tags: ['Product', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-50000'],
  example: { response: { products: [exampleProduct] } },
  successStatus: 200,
  handler: async ({ caller, config, store, params }) => {
    requireOpenDataAccess(caller, config.props.getProductsIsPublic);
    return { products: (await licensedDocuments(store, 'product', params.BANK_ID)).map(productJson) };
  },
});

export const getProduct = endpoint({
  operationId: 'OBPv2.1.0-getProduct',
  verb: 'GET',
  path: '/banks/BANK_ID/products/PRODUCT_CODE',
  summary: 'Get Bank Product',
  description: [
    'Returns information about the financial product specified by BANK_ID and PRODUCT_CODE including:',
    '',
    ...productContents,
    '',
    'A product whose license id or name is empty is not found (OBP-30011).',
    '',
    productAccess,
  ].join('\n'),
  tags: ['Product', 'Old-Style'],
  style: 'old',
  auth: 'optional',
  errors: ['OBP-20001', 'OBP-30001', 'OBP-30011', 'OBP-50000'],
  example: { response: exampleProduct },
  successStatus: 200,
  handler: async ({ caller, config, store, params }) => {
    requireOpenDataAccess(caller, config.props.getProductsIsPublic);
    return productJson(await licensedDocument(store, 'product', params.BANK_ID, params.PRODUCT_CODE, 'OBP-30011'));
  },
});
