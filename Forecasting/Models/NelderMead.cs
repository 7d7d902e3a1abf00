namespace VibeCheck.Forecasting.Models;

/// <summary>Derivative-free minimiser (Nelder and Mead 1965) used to fit the smoothing and ARMA models.</summary>
internal static class NelderMead
{
    public static double[] Minimize(Func<double[], double> f, double[] start, double[] step, int maxEvaluations = 600, double tolerance = 1e-8)
    {
        int d = start.Length;
        if (d == 0)
        {
            return [];
        }

        var simplex = new double[d + 1][];
        var values = new double[d + 1];
        simplex[0] = (double[])start.Clone();
        values[0] = f(simplex[0]);
        for (int i = 0; i < d; i++)
        {
            var p = (double[])start.Clone();
            p[i] += step[i];
            simplex[i + 1] = p;
            values[i + 1] = f(p);
        }

        int evals = d + 1;
        var centroid = new double[d];
        var trial = new double[d];
        var trial2 = new double[d];
        var order = new int[d + 1];
        while (evals < maxEvaluations)
        {
            for (int i = 0; i <= d; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => values[a].CompareTo(values[b]));
            int best = order[0], worst = order[d], second = order[d - 1];
            if (Math.Abs(values[worst] - values[best]) <= tolerance * (Math.Abs(values[best]) + tolerance))
            {
                break;
            }

            Array.Clear(centroid);
            for (int i = 0; i <= d; i++)
            {
                if (i == worst)
                {
                    continue;
                }

                for (int j = 0; j < d; j++)
                {
                    centroid[j] += simplex[i][j] / d;
                }
            }

            for (int j = 0; j < d; j++)
            {
                trial[j] = centroid[j] + (centroid[j] - simplex[worst][j]);
            }

            double fr = f(trial);
            evals++;
            if (fr < values[best])
            {
                for (int j = 0; j < d; j++)
                {
                    trial2[j] = centroid[j] + 2 * (centroid[j] - simplex[worst][j]);
                }

                double fe = f(trial2);
                evals++;
                if (fe < fr)
                {
                    Array.Copy(trial2, simplex[worst], d);
                    values[worst] = fe;
                }
                else
                {
                    Array.Copy(trial, simplex[worst], d);
                    values[worst] = fr;
                }
            }
            else if (fr < values[second])
            {
                Array.Copy(trial, simplex[worst], d);
                values[worst] = fr;
            }
            else
            {
                bool outside = fr < values[worst];
                for (int j = 0; j < d; j++)
                {
                    trial2[j] = outside
                        ? centroid[j] + 0.5 * (trial[j] - centroid[j])
                        : centroid[j] + 0.5 * (simplex[worst][j] - centroid[j]);
                }

                double fc = f(trial2);
                evals++;
                if (fc < Math.Min(fr, values[worst]))
                {
                    Array.Copy(trial2, simplex[worst], d);
                    values[worst] = fc;
                }
                else
                {
                    for (int i = 0; i <= d; i++)
                    {
                        if (i == best)
                        {
                            continue;
                        }

                        for (int j = 0; j < d; j++)
                        {
                            simplex[i][j] = simplex[best][j] + 0.5 * (simplex[i][j] - simplex[best][j]);
                        }

                        values[i] = f(simplex[i]);
                        evals++;
                    }
                }
            }
        }

        int arg = 0;
        for (int i = 1; i <= d; i++)
        {
            if (values[i] < values[arg])
            {
                arg = i;
            }
        }

        return simplex[arg];
    }
}
