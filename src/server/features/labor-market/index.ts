export { laborMarketRoutes } from './labor-market.routes.js';
