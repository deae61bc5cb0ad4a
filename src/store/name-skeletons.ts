import { nameSkeletons } from "../core/people/names.ts";

/** The skeleton columns of a name (groups' and people's), written beside it so look-alikes are found by an index. */
export const skeletonColumns = (name: string) => {
  const [skeletonCased, skeletonLower] = nameSkeletons(name);
  return { skeletonCased, skeletonLower };
};
