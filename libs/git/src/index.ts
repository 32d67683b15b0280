export * from './git-repository';
