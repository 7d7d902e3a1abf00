namespace VibeCheck.Forecasting.Decomposition;

/// <summary>
/// Seasonal-trend decomposition by loess (Cleveland, Cleveland, McRae and Terpenning 1990), a direct
/// port of the reference Fortran <c>stl.f</c> that statsmodels and R wrap, so results match theirs.
/// </summary>
public static class Stl
{
    /// <summary>Decomposes <paramref name="y"/> (no missing values) with the given options.</summary>
    public static StlResult Decompose(ReadOnlySpan<double> y, StlOptions options)
    {
        int n = y.Length;
        int np = Math.Max(2, options.Period);
        if (n < 2 * np)
        {
            throw new ArgumentException($"STL needs at least two periods ({2 * np} points), got {n}.", nameof(y));
        }

        int ns = Odd(Math.Max(3, options.Seasonal));
        int nt = Odd(Math.Max(3, options.Trend ?? (int)Math.Ceiling(1.5 * np / (1 - 1.5 / ns))));
        int nl = Odd(Math.Max(3, options.LowPass ?? NextOdd(np)));
        int nsjump = options.SeasonalJump ?? (int)Math.Ceiling(ns / 10.0);
        int ntjump = options.TrendJump ?? (int)Math.Ceiling(nt / 10.0);
        int nljump = options.LowPassJump ?? (int)Math.Ceiling(nl / 10.0);

        var yy = y.ToArray();
        var rw = new double[n];
        var season = new double[n];
        var trend = new double[n];
        var work = new double[5][];
        for (int i = 0; i < 5; i++)
        {
            work[i] = new double[n + 2 * np];
        }

        bool userw = false;
        int k = 0;
        while (true)
        {
            OneStep(yy, n, np, ns, nt, nl, options.SeasonalDegree, options.TrendDegree, options.LowPassDegree,
                nsjump, ntjump, nljump, options.InnerIterations, userw, rw, season, trend, work);
            k++;
            if (k > options.OuterIterations)
            {
                break;
            }

            for (int i = 0; i < n; i++)
            {
                work[0][i] = trend[i] + season[i];
            }

            RobustnessWeights(yy, n, work[0], rw);
            userw = true;
        }

        if (options.OuterIterations <= 0)
        {
            Array.Fill(rw, 1.0);
        }

        var resid = new double[n];
        for (int i = 0; i < n; i++)
        {
            resid[i] = yy[i] - trend[i] - season[i];
        }

        return new StlResult(trend, season, resid, rw);
    }

    private static int Odd(int v) => v % 2 == 0 ? v + 1 : v;

    private static int NextOdd(double x)
    {
        int v = (int)x;
        v += 1;
        return v % 2 == 0 ? v + 1 : v;
    }

    private static void OneStep(double[] y, int n, int np, int ns, int nt, int nl, int isdeg, int itdeg, int ildeg,
        int nsjump, int ntjump, int nljump, int ni, bool userw, double[] rw, double[] season, double[] trend, double[][] work)
    {
        for (int j = 0; j < ni; j++)
        {
            for (int i = 0; i < n; i++)
            {
                work[0][i] = y[i] - trend[i];
            }

            SeasonalSmooth(work[0], n, np, ns, isdeg, nsjump, userw, rw, work[1], work[2], work[3], work[4]);
            LowPass(work[1], n + 2 * np, np, work[2], work[0]);
            Ess(work[2], 0, n, nl, ildeg, nljump, false, rw, work[0], 0, work[3]);
            for (int i = 0; i < n; i++)
            {
                season[i] = work[1][np + i] - work[0][i];
            }

            for (int i = 0; i < n; i++)
            {
                work[0][i] = y[i] - season[i];
            }

            Ess(work[0], 0, n, nt, itdeg, ntjump, userw, rw, trend, 0, work[2]);
        }
    }

    private static void RobustnessWeights(double[] y, int n, double[] fit, double[] rw)
    {
        var r = new double[n];
        for (int i = 0; i < n; i++)
        {
            r[i] = Math.Abs(y[i] - fit[i]);
        }

        var sorted = (double[])r.Clone();
        Array.Sort(sorted);
        int mid1 = (n + 1) / 2 - 1;
        int mid2 = n / 2;
        double cmad = 3.0 * (sorted[mid1] + sorted[mid2]);
        double c9 = 0.999 * cmad;
        double c1 = 0.001 * cmad;
        for (int i = 0; i < n; i++)
        {
            double ri = r[i];
            if (ri <= c1)
            {
                rw[i] = 1.0;
            }
            else if (ri <= c9)
            {
                double u = ri / cmad;
                rw[i] = (1 - u * u) * (1 - u * u);
            }
            else
            {
                rw[i] = 0.0;
            }
        }
    }

    private static void SeasonalSmooth(double[] y, int n, int np, int ns, int isdeg, int nsjump, bool userw, double[] rw,
        double[] season, double[] work1, double[] work2, double[] work3)
    {
        // work1: cycle-subseries, work2: smoothed subseries (offset by one), work3: its weights.
        var w4 = new double[n / np + 3];
        var smoothed = new double[n / np + 3];
        for (int j = 0; j < np; j++)
        {
            int k = (n - j - 1) / np + 1;
            for (int i = 0; i < k; i++)
            {
                work1[i] = y[i * np + j];
            }

            if (userw)
            {
                for (int i = 0; i < k; i++)
                {
                    work3[i] = rw[i * np + j];
                }
            }

            Ess(work1, 0, k, ns, isdeg, nsjump, userw, work3, smoothed, 1, w4);
            int nright = Math.Min(ns, k);
            if (!Est(work1, k, ns, isdeg, 0, out smoothed[0], 1, nright, w4, userw, work3))
            {
                smoothed[0] = smoothed[1];
            }

            int nleft = Math.Max(1, k - ns + 1);
            if (!Est(work1, k, ns, isdeg, k + 1, out smoothed[k + 1], nleft, k, w4, userw, work3))
            {
                smoothed[k + 1] = smoothed[k];
            }

            for (int m = 0; m < k + 2; m++)
            {
                season[m * np + j] = smoothed[m];
            }
        }
    }

    private static void LowPass(double[] x, int n, int np, double[] trend, double[] work)
    {
        MovingAverage(x, n, np, trend);
        MovingAverage(trend, n - np + 1, np, work);
        MovingAverage(work, n - 2 * np + 2, 3, trend);
    }

    private static void MovingAverage(double[] x, int n, int len, double[] ave)
    {
        int newn = n - len + 1;
        double v = 0;
        for (int i = 0; i < len; i++)
        {
            v += x[i];
        }

        ave[0] = v / len;
        for (int j = 1; j < newn; j++)
        {
            v = v - x[j - 1] + x[j + len - 1];
            ave[j] = v / len;
        }
    }

    // Loess smoothing of y[0..n) into ys[offset..offset+n); 1-based positions as in the Fortran.
    private static void Ess(double[] y, int yOffset, int n, int len, int ideg, int njump, bool userw, double[] rw,
        double[] ys, int offset, double[] res)
    {
        _ = yOffset;
        if (n < 2)
        {
            ys[offset] = y[0];
            return;
        }

        int newnj = Math.Min(njump, n - 1);
        int nleft = 1, nright = n;
        if (len >= n)
        {
            nleft = 1;
            nright = n;
            for (int i = 1; i <= n; i += newnj)
            {
                if (!Est(y, n, len, ideg, i, out ys[offset + i - 1], nleft, nright, res, userw, rw))
                {
                    ys[offset + i - 1] = y[i - 1];
                }
            }
        }
        else if (newnj == 1)
        {
            int nsh = (len + 1) / 2;
            nleft = 1;
            nright = len;
            for (int i = 1; i <= n; i++)
            {
                if (i > nsh && nright != n)
                {
                    nleft++;
                    nright++;
                }

                if (!Est(y, n, len, ideg, i, out ys[offset + i - 1], nleft, nright, res, userw, rw))
                {
                    ys[offset + i - 1] = y[i - 1];
                }
            }
        }
        else
        {
            int nsh = (len + 1) / 2;
            for (int i = 1; i <= n; i += newnj)
            {
                if (i < nsh)
                {
                    nleft = 1;
                    nright = len;
                }
                else if (i >= n - nsh + 1)
                {
                    nleft = n - len + 1;
                    nright = n;
                }
                else
                {
                    nleft = i - nsh + 1;
                    nright = len + i - nsh;
                }

                if (!Est(y, n, len, ideg, i, out ys[offset + i - 1], nleft, nright, res, userw, rw))
                {
                    ys[offset + i - 1] = y[i - 1];
                }
            }
        }

        if (newnj != 1)
        {
            for (int i = 1; i <= n - newnj; i += newnj)
            {
                double delta = (ys[offset + i + newnj - 1] - ys[offset + i - 1]) / newnj;
                for (int j = i + 1; j <= i + newnj - 1; j++)
                {
                    ys[offset + j - 1] = ys[offset + i - 1] + delta * (j - i);
                }
            }

            int k = ((n - 1) / newnj) * newnj + 1;
            if (k != n)
            {
                if (!Est(y, n, len, ideg, n, out ys[offset + n - 1], nleft, nright, res, userw, rw))
                {
                    ys[offset + n - 1] = y[n - 1];
                }

                if (k != n - 1)
                {
                    double delta = (ys[offset + n - 1] - ys[offset + k - 1]) / (n - k);
                    for (int j = k + 1; j <= n - 1; j++)
                    {
                        ys[offset + j - 1] = ys[offset + k - 1] + delta * (j - k);
                    }
                }
            }
        }
    }

    // Local (weighted) linear fit at position xs using points nleft..nright (1-based).
    private static bool Est(double[] y, int n, int len, int ideg, double xs, out double ys, int nleft, int nright,
        double[] w, bool userw, double[] rw)
    {
        double range = n - 1.0;
        double h = Math.Max(xs - nleft, nright - xs);
        if (len > n)
        {
            h += (len - n) / 2;
        }

        double h9 = 0.999 * h;
        double h1 = 0.001 * h;
        double a = 0;
        for (int j = nleft; j <= nright; j++)
        {
            w[j - 1] = 0;
            double r = Math.Abs(j - xs);
            if (r <= h9)
            {
                if (r <= h1)
                {
                    w[j - 1] = 1;
                }
                else
                {
                    double u = r / h;
                    u = 1 - u * u * u;
                    w[j - 1] = u * u * u;
                }

                if (userw)
                {
                    w[j - 1] *= rw[j - 1];
                }

                a += w[j - 1];
            }
        }

        if (a <= 0)
        {
            ys = 0;
            return false;
        }

        for (int j = nleft; j <= nright; j++)
        {
            w[j - 1] /= a;
        }

        if (h > 0 && ideg > 0)
        {
            a = 0;
            for (int j = nleft; j <= nright; j++)
            {
                a += w[j - 1] * j;
            }

            double b = xs - a;
            double c = 0;
            for (int j = nleft; j <= nright; j++)
            {
                c += w[j - 1] * (j - a) * (j - a);
            }

            if (Math.Sqrt(c) > 0.001 * range)
            {
                b /= c;
                for (int j = nleft; j <= nright; j++)
                {
                    w[j - 1] *= b * (j - a) + 1.0;
                }
            }
        }

        double s = 0;
        for (int j = nleft; j <= nright; j++)
        {
            s += w[j - 1] * y[j - 1];
        }

        ys = s;
        return true;
    }
}
