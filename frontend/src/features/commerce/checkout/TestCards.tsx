import { Button } from '../../../components/ui/Button';

const TEST_CARDS = [
  { number: '4242 4242 4242 4242', result: 'Paid at once.' },
  { number: '4000 0000 0000 0002', result: 'Declined by the bank (card_declined).' },
  { number: '4000 0000 0000 9995', result: 'Declined for insufficient funds.' },
  {
    number: '4000 0000 0000 0119',
    result: 'The network fails once after charging; the retry finds the charge.',
  },
  {
    number: '4000 0000 0000 0259',
    result: 'The bank answers slowly; the order confirms a little later.',
  },
] as const;

/**
 * The simulated provider's cards, so anyone trying Reloop can see each outcome. No real
 * card is ever charged here; each row can fill the card field.
 */
export function TestCards({ onUse }: { onUse: (number: string) => void }) {
  return (
    <div className="overflow-x-auto rounded-xl ring-1 ring-stone-200">
      <table className="w-full text-left text-sm">
        <caption className="bg-stone-50 px-4 py-3 text-left text-sm leading-6 text-stone-700">
          <span className="font-semibold text-stone-900">Test cards.</span> Payments on this Reloop
          are simulated: no money moves. Use one of these numbers to see what each outcome looks
          like.
        </caption>
        <thead className="bg-stone-50 text-stone-600">
          <tr>
            <th scope="col" className="px-4 py-2 font-semibold">
              Card number
            </th>
            <th scope="col" className="px-4 py-2 font-semibold">
              What happens
            </th>
            <th scope="col" className="px-4 py-2">
              <span className="sr-only">Fill in</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {TEST_CARDS.map((card) => (
            <tr key={card.number}>
              <td className="px-4 py-2 font-mono whitespace-nowrap text-stone-900">
                {card.number}
              </td>
              <td className="px-4 py-2 text-stone-700">{card.result}</td>
              <td className="px-4 py-2 text-right">
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Use ${card.number}`}
                  onClick={() => {
                    onUse(card.number);
                  }}
                >
                  Use
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
