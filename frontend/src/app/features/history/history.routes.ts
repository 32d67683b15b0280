import type { Routes } from '@angular/router';
import { HistoryPage } from './history.page';

export default [{ path: '', title: 'History', component: HistoryPage }] satisfies Routes;
