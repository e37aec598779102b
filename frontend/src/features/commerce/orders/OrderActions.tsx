import { useState } from 'react';
import { Button } from '../../../components/ui/Button';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { FormAlert } from '../../../components/ui/FormAlert';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { orderTransitions } from '../api/orders';
import type { OrderDetail } from '../api/types';
import { PayForm } from '../checkout/PayForm';
import { DisputeForm } from './DisputeForm';
import { ShipForm } from './ShipForm';
import { useOrderStep } from './useOrders';

function CancelButton({ order }: { order: OrderDetail }) {
  const [open, setOpen] = useState(false);
  const cancel = useOrderStep(() => orderTransitions.cancel(order.id, null));
  const paid = order.status !== 'pending_payment';
  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          cancel.reset();
          setOpen(true);
        }}
      >
        Cancel order
      </Button>
      <ConfirmDialog
        open={open}
        title="Cancel this order?"
        confirmLabel="Cancel order"
        tone="danger"
        pending={cancel.isPending}
        error={cancel.error ? formErrorMessage(cancel.error) : null}
        onCancel={() => {
          setOpen(false);
        }}
        onConfirm={() => {
          cancel.mutate(undefined, {
            onSuccess: () => {
              setOpen(false);
            },
          });
        }}
      >
        {paid
          ? 'The buyer is refunded in full and the items go back on sale. This cannot be undone.'
          : 'The items are released for others to buy. This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}

/** A one-click step (confirm delivery, complete), with its failure said next to it. */
function StepButton({
  label,
  run,
  variant = 'primary',
}: {
  label: string;
  run: () => Promise<OrderDetail>;
  variant?: 'primary' | 'secondary';
}) {
  const step = useOrderStep(run);
  return (
    <div className="space-y-2">
      <Button
        variant={variant}
        aria-busy={step.isPending}
        onClick={() => {
          if (!step.isPending) step.mutate(undefined);
        }}
      >
        {step.isPending && <Spinner className="size-4 text-white" />}
        {label}
      </Button>
      {step.error && <FormAlert>{formErrorMessage(step.error)}</FormAlert>}
    </div>
  );
}

const STEP_ACTIONS = ['cancel', 'deliver', 'complete', 'dispute'] as const;

/**
 * Only what the viewer may do now, as the API lists it in `actions`: a button for a step
 * that is not allowed is never shown, so it never fails with 409.
 */
export function OrderActions({ order }: { order: OrderDetail }) {
  const actions = new Set(order.actions);
  const hasButtons = STEP_ACTIONS.some((action) => actions.has(action));
  if (!actions.has('pay') && !actions.has('ship') && !hasButtons) return null;
  return (
    <section aria-label="What you can do" className="space-y-6">
      {actions.has('pay') && (
        <div className="rounded-2xl bg-white p-5 ring-1 ring-stone-200 sm:p-6">
          <PayForm
            orderId={order.id}
            reservedUntil={order.reserved_until}
            declined={order.payment?.failure?.message ?? null}
            onPaid={() => undefined}
          />
        </div>
      )}
      {actions.has('ship') && (
        <div className="rounded-2xl bg-white p-5 ring-1 ring-stone-200 sm:p-6">
          <ShipForm orderId={order.id} />
        </div>
      )}
      {hasButtons && (
        <div className="flex flex-wrap items-start gap-3">
          {actions.has('deliver') && (
            <StepButton label="Confirm delivery" run={() => orderTransitions.deliver(order.id)} />
          )}
          {actions.has('complete') && (
            <StepButton
              label="Complete order"
              variant={actions.has('deliver') ? 'secondary' : 'primary'}
              run={() => orderTransitions.complete(order.id)}
            />
          )}
          {actions.has('cancel') && <CancelButton order={order} />}
          {actions.has('dispute') && <DisputeForm orderId={order.id} />}
        </div>
      )}
    </section>
  );
}
