import { noChange } from "lit-html";
import { Directive, directive, PartType, type ElementPart, type PartInfo } from "lit-html/directive.js";

/**
 * Sets an element's width as a percentage through the CSSOM (`element.style.width`), which the
 * Content-Security-Policy (style-src 'self') allows. Not lit's styleMap: its first render writes a `style`
 * attribute, which that policy blocks (Chromium logs "Applying inline style violates ... style-src 'self'" and the
 * bar keeps no width); only its later updates go through the CSSOM.
 * Usage: `<span class="bar__fill" ${cssWidth(42.5)}></span>`.
 */
class CssWidth extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error("cssWidth goes on an element: <span ${cssWidth(n)}>");
  }

  render(_percent: number): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [percent]: [number]): typeof noChange {
    (part.element as HTMLElement).style.width = `${Math.max(0, Math.min(100, percent))}%`;
    return noChange;
  }
}

export const cssWidth = directive(CssWidth);
