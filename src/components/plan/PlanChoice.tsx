"use client";

import { createContext, useContext, useState, type ReactNode } from "react";

type Choice = { toMake: ReadonlySet<string>; setToMake: (keys: ReadonlySet<string>) => void };

const NOTHING: ReadonlySet<string> = new Set();
const PlanChoiceContext = createContext<Choice>({ toMake: NOTHING, setToMake: () => {} });

/**
 * What "Generate what is missing" would make now (pair keys, see pairKey), shared between the panel, which knows,
 * and the matrix, which marks those cells: the admin sees which videos a choice (a tag, some presenters) makes.
 */
export function PlanChoice({ children }: { children: ReactNode }) {
  const [toMake, setToMake] = useState<ReadonlySet<string>>(NOTHING);
  return <PlanChoiceContext.Provider value={{ toMake, setToMake }}>{children}</PlanChoiceContext.Provider>;
}

export const usePlanChoice = () => useContext(PlanChoiceContext);
