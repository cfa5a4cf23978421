// The suites that run in both extension hosts: the desktop's Node host and
// the browser's web worker (test/integration/web/index.ts lists, with why,
// the ones that run only in the Node host).
// First: it counts the untouched example, which later suites add notes to.
import './dashboard-charts.suite.js';
import './trees.suite.js';
import './commands.suite.js';
import './diagnostics.suite.js';
import './letters.suite.js';
import './scale.suite.js';
import './navigation.suite.js';
import './advance-stage.suite.js';
import './completion.suite.js';
import './mark-sent.suite.js';
import './due-status.suite.js';
import './contacts-tree-problems.suite.js';
import './quick-fixes.suite.js';
import './dashboard.suite.js';
import './restricted.suite.js';
