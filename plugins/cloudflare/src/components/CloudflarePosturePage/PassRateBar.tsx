import { makeStyles } from '@material-ui/core/styles';
import { percent } from './scorecards';

/** Below the target but at least this share: amber; less: red. */
const WARNING_FROM = 0.8;

const useStyles = makeStyles(theme => ({
  track: {
    position: 'relative',
    height: 10,
    borderRadius: 5,
    backgroundColor: theme.palette.action.hover,
    overflow: 'visible',
  },
  fill: { height: '100%', borderRadius: 5 },
  ok: { backgroundColor: theme.palette.success.main },
  warning: { backgroundColor: theme.palette.warning.main },
  error: { backgroundColor: theme.palette.error.main },
  target: {
    position: 'absolute',
    top: -3,
    bottom: -3,
    width: 2,
    backgroundColor: theme.palette.text.primary,
  },
}));

/** The colour of a pass rate against its target. */
export function passRateLevel(
  rate: number,
  target: number,
): 'ok' | 'warning' | 'error' {
  if (rate >= target) return 'ok';
  return rate >= WARNING_FROM ? 'warning' : 'error';
}

/**
 * A determinate bar of a pass rate, green at the target, amber from 80%, red below; a target short
 * of 100% is marked on the track.
 */
export function PassRateBar(props: {
  rate: number;
  target: number;
  label: string;
}) {
  const classes = useStyles();
  const { rate, target, label } = props;
  const level = passRateLevel(rate, target);
  return (
    <div
      className={classes.track}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(rate * 100)}
      aria-valuetext={percent(rate)}
      data-level={level}
    >
      <div
        className={`${classes.fill} ${classes[level]}`}
        style={{ width: `${rate * 100}%` }}
      />
      {target < 1 && (
        <div
          className={classes.target}
          style={{ left: `calc(${target * 100}% - 1px)` }}
          title={`Target ${percent(target)}`}
          data-testid="pass-rate-target"
        />
      )}
    </div>
  );
}
