import { html, type TemplateResult } from "lit-html";
import { number, statusLabel } from "../../ui/format";
import { sumDecimals } from "./funding-totals";
import type { Member } from "./model";

/** The member schools' totals: roll, and teacher FTE added exactly. */
export function memberTotals(members: Member[]): { roll: number; teacherFte: string } {
  return {
    roll: members.reduce((sum, m) => sum + m.roll, 0),
    teacherFte: sumDecimals(members.map((m) => String(m.teacherFte))),
  };
}

export function membersSection(members: Member[]): TemplateResult {
  const totals = memberTotals(members);
  return html`<section aria-labelledby="members-heading">
    <h2 id="members-heading">Member schools</h2>
    <div class="table-wrap community-table" tabindex="0" role="region" aria-label="Member schools">
      <table>
        <caption class="visually-hidden">Member schools, with their rolls and teacher FTE</caption>
        <thead>
          <tr>
            <th scope="col">School number</th>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col" class="num">Roll</th>
            <th scope="col" class="num">Teacher FTE</th>
          </tr>
        </thead>
        <tbody>
          ${members.map(
            (m) => html`<tr>
              <td>${m.schoolNumber}</td>
              <th scope="row">${m.name}</th>
              <td>${statusLabel(m.type)}</td>
              <td class="num">${number(m.roll)}</td>
              <td class="num">${number(m.teacherFte)}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colspan="3">Total (${members.length} schools)</th>
            <td class="num">${number(totals.roll)}</td>
            <td class="num">${number(totals.teacherFte)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  </section>`;
}
