import { inject, type Provider } from '@angular/core';
import { ControlContainer } from '@angular/forms';

/**
 * For a component that holds some fields of a form its parent declares: in `viewProviders`, it lets the component's
 * `formControlName`s find the parent's `[formGroup]`, which they would not see across the component's boundary.
 */
export const PARENT_FORM: Provider = {
  provide: ControlContainer,
  useFactory: () => inject(ControlContainer, { skipSelf: true }),
};
