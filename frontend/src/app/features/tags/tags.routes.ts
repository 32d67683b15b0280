import type { Routes } from '@angular/router';
import { TagDetailPage } from './tag-detail.page';
import { TagListPage } from './tag-list.page';

export default [
  { path: '', title: 'Tags', component: TagListPage },
  { path: ':id', title: 'Tag', component: TagDetailPage },
] satisfies Routes;
