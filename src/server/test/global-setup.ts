import { prepareTemplate, testDbMode } from './databases.js';

export default async function setup() {
  await prepareTemplate(testDbMode());
}
