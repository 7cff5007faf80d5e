import { html, render } from "lit-html";
import { describe, expect, it } from "vitest";
import { cssWidth } from "./css-width";

describe("cssWidth", () => {
  it("sets the width through the CSSOM on the first render and on updates, clamped to the track", () => {
    const root = document.createElement("div");
    const draw = (n: number) => render(html`<span class="bar__fill" ${cssWidth(n)}></span>`, root);
    draw(42.5);
    const span = root.querySelector("span") as HTMLElement;
    expect(span.style.width).toBe("42.5%");
    draw(150);
    expect(span.style.width).toBe("100%");
    draw(-3);
    expect(span.style.width).toBe("0%");
  });
});
