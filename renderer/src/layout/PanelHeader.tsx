/** The title row of a pane: a title, an optional detail, and actions on the right. */
import type { ReactNode } from 'react';

interface Props {
  title: string;
  detail?: ReactNode;
  children?: ReactNode;
  id?: string;
}

export function PanelHeader({ title, detail, children, id }: Props) {
  return (
    <div className="pane__header">
      <h2 className="pane__title" id={id}>
        {title}
      </h2>
      {detail ? <span className="pane__detail">{detail}</span> : null}
      <div className="pane__actions">{children}</div>
    </div>
  );
}
