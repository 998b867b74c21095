/* period_week.c — ISO weeks and request codes (period_week.h). */
#include <stdio.h>
#include <string.h>
#include "core/period.h"
#include "core/period_week.h"

/* 0 = Monday … 6 = Sunday; day 0 (1970-01-01) was a Thursday. */
static int weekday(int32_t day)
{
    int w = (int)((day + 3) % 7);
    return w < 0 ? w + 7 : w;
}

void period_iso_week(int32_t day, int *year, int *week)
{
    int32_t thursday = day - weekday(day) + 3;
    int y = period_ymd_of(thursday).y;
    *year = y;
    *week = (int)((thursday - period_days(y, 1, 1)) / 7) + 1;
}

int32_t period_week_monday(int year, int week)
{
    int32_t jan4 = period_days(year, 1, 4);     /* always in week 1 */
    return jan4 - weekday(jan4) + (int32_t)(week - 1) * 7;
}

int period_request_parse(const char *code, char *kind, int *year, int *n)
{
    if (!code || strlen(code) != 8 || code[4] != '-' || (code[5] != 'W' && code[5] != 'D'))
        return -1;
    for (int i = 0; i < 8; i++)
        if (i != 4 && i != 5 && (code[i] < '0' || code[i] > '9'))
            return -1;
    int y = (code[0] - '0') * 1000 + (code[1] - '0') * 100 + (code[2] - '0') * 10 + (code[3] - '0');
    int k = (code[6] - '0') * 10 + (code[7] - '0');
    if (y < PERIOD_YEAR_MIN || y > PERIOD_YEAR_MAX || k < 1)
        return -1;
    if (code[5] == 'W') {
        /* a year has week 53 when its 28 December falls in week 53 */
        int wy, last;
        period_iso_week(period_days(y, 12, 28), &wy, &last);
        if (k > last)
            return -1;
    }
    *kind = code[5];
    *year = y;
    *n = k;
    return 0;
}

char *period_request_format(char kind, int year, int n, char out[PERIOD_REQ_CODE_LEN])
{
    unsigned y = (unsigned)year % 10000u, k = (unsigned)n % 100u;
    snprintf(out, PERIOD_REQ_CODE_LEN, "%04u-%c%02u", y, kind == 'W' ? 'W' : 'D', k);
    return out;
}
