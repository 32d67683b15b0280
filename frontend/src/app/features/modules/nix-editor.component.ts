import { ChangeDetectionStrategy, Component, computed, input, model, signal } from '@angular/core';

/**
 * Nix code in a plain `<textarea>` with line numbers: no editor library, since Custom Nix is a few lines and the
 * server's parser is the judge. The line the server's error names is marked in the gutter and behind the text.
 * Lines never wrap, so that each gutter number stays beside its line.
 */
@Component({
  selector: 'app-nix-editor',
  template: `
    <div class="editor" [class.invalid]="errorLine() !== undefined">
      <div class="gutter" aria-hidden="true">
        <div [style.transform]="shift()">
          @for (n of lineNumbers(); track n) {
            <span [class.error-line]="n === errorLine()" [attr.title]="n === errorLine() ? 'Error on this line' : null">
              {{ n }}
            </span>
          }
        </div>
      </div>
      <div class="code">
        @if (errorLine(); as line) {
          <div class="mark" [style.top]="markTop(line)"></div>
        }
        <textarea
          [id]="inputId()"
          wrap="off"
          spellcheck="false"
          autocapitalize="off"
          [rows]="rows()"
          [value]="value()"
          (input)="value.set(textOf($event))"
          (scroll)="scrollTop.set(scrollOf($event))"
          [attr.aria-invalid]="errorLine() !== undefined"
          [attr.aria-describedby]="describedBy()"
        ></textarea>
      </div>
    </div>
  `,
  styles: `
    .editor {
      --line: 1.35rem;
      --pad: 0.5rem;
      display: flex;
      overflow: hidden;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      font: 0.85rem / var(--line) var(--font-mono);
    }
    .editor.invalid {
      border-color: var(--danger);
    }
    .gutter {
      flex: none;
      min-width: 2.5rem;
      overflow: hidden;
      padding: var(--pad) 0;
      background: var(--surface-sunken);
      color: var(--text-muted);
      text-align: right;
      user-select: none;
    }
    .gutter span {
      display: block;
      height: var(--line);
      padding: 0 0.5rem;
    }
    .gutter .error-line {
      background: var(--danger);
      color: #fff;
      font-weight: 700;
    }
    .code {
      position: relative;
      flex: 1;
      min-width: 0;
    }
    .mark {
      position: absolute;
      right: 0;
      left: 0;
      height: var(--line);
      background: var(--danger-bg);
      pointer-events: none;
    }
    textarea {
      position: relative;
      display: block;
      width: 100%;
      padding: var(--pad) 0.6rem;
      border: 0;
      background: transparent;
      color: var(--text);
      font: inherit;
      resize: vertical;
      tab-size: 2;
    }
    textarea:focus-visible {
      outline: none;
    }
    .editor:focus-within {
      outline: 2px solid var(--accent);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NixEditorComponent {
  readonly value = model('');
  readonly inputId = input.required<string>();
  /** 1-based line of the server's parse error, if any. */
  readonly errorLine = input<number | undefined>();
  readonly describedBy = input<string | null>(null);

  protected readonly scrollTop = signal(0);
  private readonly lineCount = computed(() => this.value().split(/\r\n|\r|\n/).length);
  protected readonly lineNumbers = computed(() => Array.from({ length: this.lineCount() }, (_, i) => i + 1));
  protected readonly rows = computed(() => Math.min(Math.max(this.lineCount() + 1, 8), 30));
  protected readonly shift = computed(() => `translateY(${-this.scrollTop()}px)`);

  protected markTop(line: number): string {
    return `calc(var(--pad) + ${line - 1} * var(--line) - ${this.scrollTop()}px)`;
  }

  protected textOf(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  protected scrollOf(event: Event): number {
    return (event.target as HTMLTextAreaElement).scrollTop;
  }
}
