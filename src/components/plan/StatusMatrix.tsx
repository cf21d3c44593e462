"use client";

import { PAIR_STATES, pairKey } from "@/lib/batch";
import { formatPlanDay } from "@/lib/format";
import { hasNoPresenter, isMoving, TRANSLATION_STATES, type PlanMatrix, type PlanMatrixRow } from "@/lib/plan-matrix";
import { usePlanMatrix } from "@/hooks/use-plan-matrix";
import { LanguageChips, TRANSLATION_LABELS } from "./LanguageChips";
import { PairBadge, PairStateBadge } from "./PairBadge";
import { usePlanChoice } from "./PlanChoice";
import { SideScroll } from "./SideScroll";

/**
 * Per day and presenter, whether the month's videos are missing, on their way, awaiting review, scheduled, published,
 * rejected or failed; live while any is on its way.
 */
export function StatusMatrix({ initial }: { initial: PlanMatrix }) {
  const { data: matrix = initial, error } = usePlanMatrix(initial);
  const { columns, rows, counts, translationCounts } = matrix;
  const translations = TRANSLATION_STATES.filter((state) => translationCounts[state] > 0);
  const { toMake } = usePlanChoice();
  return (
    <section aria-labelledby="status-matrix" className="space-y-3">
      <h2 id="status-matrix" className="text-lg font-semibold">
        Videos by day and presenter
      </h2>
      {rows.length === 0 ? (
        <p className="text-slate-700">Nothing to show until the month has scripts.</p>
      ) : (
        <>
          <ul aria-label="Pairs by state" className="flex flex-wrap gap-2">
            {PAIR_STATES.map((state) => (
              <li key={state} className="flex items-center gap-1.5 text-sm">
                <strong className="font-semibold tabular-nums">{counts[state]}</strong> <PairStateBadge state={state} />
              </li>
            ))}
          </ul>
          {translations.length > 0 && (
            <p className="text-sm text-slate-700" data-testid="translation-counts">
              Translations:{" "}
              {translations.map((state) => `${translationCounts[state]} ${TRANSLATION_LABELS[state]}`).join(", ")}
            </p>
          )}
          <p className="text-sm text-slate-700">
            {isMoving(matrix)
              ? "Updating by itself while videos are queued or rendering."
              : "Nothing is on its way right now."}
          </p>
          {toMake.size > 0 && (
            <p className="text-sm text-slate-700">
              <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm ring-2 ring-indigo-600" />
              Outlined: the {toMake.size === 1 ? "video" : `${toMake.size} videos`} “Generate what is missing” below
              will make.
            </p>
          )}
          {error && (
            <p role="alert" className="text-sm text-red-700">
              Could not refresh the matrix ({error.message}); it shows what was last read.
            </p>
          )}
          {/* `relative` inside SideScroll keeps the screen-reader-only texts (absolutely positioned) in its box. */}
          <SideScroll label="The matrix, scrolling sideways">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Each script of the month, and each presenter it is for</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Script
                  </th>
                  {columns.length === 0 && (
                    <th scope="col" className="px-3 py-2 font-medium">
                      Presenters
                    </th>
                  )}
                  {columns.map((column) => (
                    <th key={column.id} scope="col" className="px-3 py-2 font-medium whitespace-nowrap">
                      {column.name}
                      {!column.active && <span className="block text-xs font-normal text-slate-700">inactive</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-200">
                {rows.map((row) => (
                  <MatrixRow
                    key={row.id}
                    row={row}
                    timeZone={matrix.timeZone}
                    width={Math.max(1, columns.length)}
                    toMake={(index) => toMake.has(pairKey(row.id, columns[index]!.id))}
                  />
                ))}
              </tbody>
            </table>
          </SideScroll>
        </>
      )}
    </section>
  );
}

type RowProps = { row: PlanMatrixRow; timeZone: string; width: number; toMake: (column: number) => boolean };

function MatrixRow({ row, timeZone, width, toMake }: RowProps) {
  return (
    <tr>
      <th scope="row" className="min-w-40 px-3 py-2 font-normal">
        <time dateTime={row.date} className="block text-xs text-slate-700">
          {formatPlanDay(row.date)}
        </time>
        <span className="break-words">{row.title}</span>
      </th>
      {hasNoPresenter(row) ? (
        <td colSpan={width} className="px-3 py-2 text-amber-900">
          No active presenter carries #{row.tag}: nothing can be made for it.
        </td>
      ) : (
        row.cells.map((cell, index) => (
          <td key={index} className="px-3 py-2">
            {cell && toMake(index) ? (
              <span className="inline-flex rounded-full ring-2 ring-indigo-600 ring-offset-1" data-to-make="">
                <PairBadge cell={cell} timeZone={timeZone} />
                <span className="sr-only">, will be made</span>
              </span>
            ) : cell ? (
              <PairBadge cell={cell} timeZone={timeZone} />
            ) : (
              <span aria-hidden="true" className="text-slate-400">
                –
              </span>
            )}
            {!cell && <span className="sr-only">Not for this presenter</span>}
            {cell && <LanguageChips languages={cell.languages} />}
          </td>
        ))
      )}
    </tr>
  );
}
