import { imageFileName, imageFileNameProblem } from './image-file';

describe(imageFileNameProblem.name, () => {
  it.each(['.img', '.iso', '.qcow2', '.img.zst'])('takes the image extension %p', (extension) => {
    expect(imageFileNameProblem(imageFileName('kiosk-1', extension), 'kiosk-1')).toBeUndefined();
  });

  it.each([
    'thymis-image-kiosk-1',
    'thymis-image-kiosk-2.img',
    'thymis-image-kiosk-1.IMG',
    'thymis-image-kiosk-1.img/../x',
    'thymis-image-kiosk-1.a.b.c',
    '../thymis-image-kiosk-1.img',
    'thymis-image-kiosk-1.',
  ])('refuses %p for kiosk-1', (name) => {
    expect(imageFileNameProblem(name, 'kiosk-1')).toBe(
      'must be "thymis-image-kiosk-1" followed by the image\'s extension, such as ".img"',
    );
  });
});
