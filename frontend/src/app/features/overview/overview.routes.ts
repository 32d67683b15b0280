import type { Routes } from '@angular/router';
import { OverviewPage } from './overview.page';

export default [{ path: '', title: 'Overview', component: OverviewPage }] satisfies Routes;
