import { expect, it } from 'vitest';
import * as core from './index.js';

it('exports exactly the documented public API', () => {
  expect(Object.keys(core).sort()).toMatchSnapshot();
});
