import type { Routes } from '@angular/router';
import { TaskDetailPage } from './task-detail.page';
import { TaskListPage } from './task-list.page';

export default [
  { path: '', title: 'Tasks', component: TaskListPage },
  { path: ':id', title: 'Task', component: TaskDetailPage },
] satisfies Routes;
