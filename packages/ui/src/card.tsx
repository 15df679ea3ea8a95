/**
 * Card: a titled section of a page. The title is a real heading (level chosen by the page, so the
 * outline stays correct) and names the section for landmark navigation.
 */
import { useId } from 'react';
import type { ReactNode } from 'react';
import { classNames } from './internal/class-names';

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title; pages pick it to keep a correct outline. */
  headingLevel?: 2 | 3 | 4;
  /** Actions shown at the end of the title row. */
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Card({ title, headingLevel = 2, actions, children, className }: CardProps) {
  const titleId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section
      className={classNames('sy-card', className)}
      aria-labelledby={title === undefined ? undefined : titleId}
    >
      {(title !== undefined || actions !== undefined) && (
        <div className="sy-card__header">
          {title !== undefined && (
            <Heading id={titleId} className="sy-card__title">
              {title}
            </Heading>
          )}
          {actions !== undefined && <div className="sy-card__actions">{actions}</div>}
        </div>
      )}
      <div className="sy-card__body">{children}</div>
    </section>
  );
}
