/** The figures under an application's schools table. Pure, so the arithmetic is tested without a browser. */

export interface SchoolFigures {
  roll: number;
  teacherFte: number;
  boardEndorsed?: boolean;
}

export interface SchoolTotals {
  schools: number;
  roll: number;
  /** Teacher FTE to two decimal places, summed in hundredths so 11.5 + 19.2 + 38 is 68.7, not 68.69999…. */
  teacherFte: number;
  /** Schools whose board endorsed the application. */
  endorsed: number;
}

export function schoolTotals(schools: readonly SchoolFigures[]): SchoolTotals {
  let roll = 0;
  let fteHundredths = 0;
  let endorsed = 0;
  for (const s of schools) {
    roll += s.roll;
    fteHundredths += Math.round(s.teacherFte * 100);
    if (s.boardEndorsed) endorsed += 1;
  }
  return { schools: schools.length, roll, teacherFte: fteHundredths / 100, endorsed };
}

/** "4 of 4", "All 4", "None": the endorsements line, said in words. */
export function endorsementsText(t: SchoolTotals): string {
  if (t.schools === 0) return "No schools";
  if (t.endorsed === t.schools) return `All ${t.schools} boards`;
  if (t.endorsed === 0) return "None";
  return `${t.endorsed} of ${t.schools} boards`;
}
