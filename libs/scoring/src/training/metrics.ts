/** Mean of per-class recall, in percent: the TweetEval sentiment metric. */
export function macroRecall(gold: number[], pred: number[], classes = 3): number {
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    let total = 0;
    let hit = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] !== c) continue;
      total++;
      if (pred[i] === c) hit++;
    }
    sum += total > 0 ? hit / total : 0;
  }
  return (100 * sum) / classes;
}

export function accuracy(gold: number[], pred: number[]): number {
  let hit = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === pred[i]) hit++;
  return (100 * hit) / Math.max(1, gold.length);
}

export function f1(gold: number[], pred: number[]): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === 1 && gold[i] === 1) tp++;
    else if (pred[i] === 1) fp++;
    else if (gold[i] === 1) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/**
 * Macro-averaged F1 of a binary task: the mean of the positive class's F1 and the negative
 * class's F1. This is the F1 of Preotiuc-Pietro et al. (2019) on complaints: their majority-class
 * baseline scores 39.1, which only the macro average gives (the complaint class alone would be 0).
 */
export function macroF1(gold: number[], pred: number[]): number {
  const flip = (xs: number[]) => xs.map((x) => 1 - x);
  return (f1(gold, pred) + f1(flip(gold), flip(pred))) / 2;
}

/** Area under the ROC curve by the rank-sum (Mann-Whitney) statistic, ties counted half. */
export function rocAuc(gold: number[], scores: number[]): number {
  const order = scores.map((s, i) => ({ s, y: gold[i] })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let pos = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && order[j].s === order[i].s) j++;
    const avgRank = (i + j + 1) / 2;
    for (let k = i; k < j; k++) {
      if (order[k].y === 1) {
        rankSumPos += avgRank;
        pos++;
      }
    }
    i = j;
  }
  const neg = order.length - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Mean over `classes` of each class's F1, in percent: UMSAB's (XLM-T's) sentiment metric. */
export function macroF1Classes(gold: number[], pred: number[], classes = 3): number {
  let sum = 0;
  for (let c = 0; c < classes; c++) {
    sum += f1(
      gold.map((g) => (g === c ? 1 : 0)),
      pred.map((p) => (p === c ? 1 : 0)),
    );
  }
  return (100 * sum) / classes;
}
