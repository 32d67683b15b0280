import { IMAGE_FORMATS as API_IMAGE_FORMATS } from '@thymis/domain';
import { formatFor, IMAGE_FORMATS } from './hardware';

describe('hardware models', () => {
  it("offers exactly the API's models and formats, defaults first", () => {
    expect(IMAGE_FORMATS).toEqual(API_IMAGE_FORMATS);
  });

  it("keeps the chosen format when the new model boots from it, else takes the model's default", () => {
    expect(formatFor('generic-aarch64', 'qcow')).toBe('qcow');
    expect(formatFor('raspberry-pi-4', 'qcow')).toBe('sd-card-image');
    expect(formatFor('generic-x86_64', null)).toBe('raw-efi');
  });
});
