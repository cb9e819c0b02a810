import { Alert } from 'antd';
import { errorLines } from '../errorText';

/** A backend refusal in plain Chinese, every detail listed. */
export function ErrorAlert({ error, testId, title }: { error: unknown; testId?: string; title?: string }) {
  if (!error) return null;
  const { message, details } = errorLines(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid={testId}
      title={title ?? message}
      description={
        title || details.length ? (
          <>
            {title && <div>{message}</div>}
            {details.length > 0 && (
              <ul className="error-details">
                {details.map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            )}
          </>
        ) : undefined
      }
      style={{ marginBottom: 12 }}
    />
  );
}
