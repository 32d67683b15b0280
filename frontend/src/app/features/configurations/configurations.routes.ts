import type { Routes } from '@angular/router';
import { ConfigurationDetailPage } from './configuration-detail.page';
import { ConfigurationListPage } from './configuration-list.page';

export default [
  { path: '', title: 'Configurations', component: ConfigurationListPage },
  { path: ':id', title: 'Configuration', component: ConfigurationDetailPage },
] satisfies Routes;
