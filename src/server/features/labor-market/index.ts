export { laborMarketRoutes } from './labor-market.routes.js';
import './projections.import.js';
import './bls.import.js';
import './soc.import.js';
import './onet.import.js';
import './cip.import.js';
