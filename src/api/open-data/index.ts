import type { Endpoint } from '../endpoint.js';
import { getAtm, getAtms, getProduct, getProducts } from './atms-products.js';
import { getBranch, getBranches } from './branches.js';
import { createBranch, updateBranch } from './write-branch.js';

/** Branches, ATMs and products: the bank's open data. */
export const openDataEndpoints: readonly Endpoint[] = [
  getBranches,
  getBranch,
  createBranch,
  updateBranch,
  getAtms,
  getAtm,
  getProducts,
  getProduct,
];
